// New records are checked against existing ones as they arrive. Idempotent: a redelivered event finds the
// record's keys already indexed and its cluster already open (it joins it instead of adding a second).
import type { CoreEvents } from "@opsdeck/core";
import { pluginSettings, type PluginEventHandler } from "@opsdeck/plugin-sdk";
import { and, arrayContains, eq } from "drizzle-orm";
import { hygieneSettings } from "../common.ts";
import { duplicateClusters } from "../schema/duplicates.ts";
import { checkArrivals, unkeyedSince } from "./arrivals.ts";

/** At most this many imported records are checked one by one; a bigger import waits for the next scan. */
const IMPORT_CHECK_LIMIT = 20_000;

const country = (ctx: Parameters<PluginEventHandler>[0]) => pluginSettings(ctx, hygieneSettings).defaultCountry;

export const duplicateEvents: Record<string, PluginEventHandler> = {
  "contact.created": async (ctx, event) => {
    const { contactId } = event.payload as CoreEvents["contact.created"];
    await checkArrivals(ctx.tenant, "contacts", [contactId], country(ctx));
  },
  "account.created": async (ctx, event) => {
    const { accountId } = event.payload as CoreEvents["account.created"];
    await checkArrivals(ctx.tenant, "accounts", [accountId], country(ctx));
  },
  "lead.created": async (ctx, event) => {
    const { leadId } = event.payload as CoreEvents["lead.created"];
    await checkArrivals(ctx.tenant, "leads", [leadId], country(ctx));
  },
  // A converted lead is the contact it became: its open "lead matches a contact" clusters are settled.
  "lead.converted": async (ctx, event) => {
    const { leadId } = event.payload as CoreEvents["lead.converted"];
    await ctx.tenant.db
      .update(duplicateClusters)
      .set({ status: "merged", resolvedAt: new Date(event.createdAt), resolvedByUserId: event.actorUserId })
      .where(
        and(
          eq(duplicateClusters.organizationId, ctx.tenant.organizationId),
          eq(duplicateClusters.entity, "lead_contact"),
          eq(duplicateClusters.status, "open"),
          arrayContains(duplicateClusters.recordIds, [leadId]),
        ),
      );
  },
  "import.completed": async (ctx, event) => {
    const { entity, created, updated } = event.payload as CoreEvents["import.completed"];
    if (entity !== "contacts" && entity !== "accounts" && entity !== "leads") return;
    if (!created && !updated) return;
    // The import ran just before its event was written; what it touched has no match keys yet.
    const since = new Date(new Date(event.createdAt).getTime() - 6 * 60 * 60 * 1000);
    const ids = await unkeyedSince(ctx.tenant, entity, since, IMPORT_CHECK_LIMIT);
    for (let i = 0; i < ids.length; i += 500) await checkArrivals(ctx.tenant, entity, ids.slice(i, i + 500), country(ctx));
  },
};
