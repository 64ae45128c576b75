import type { CoreEvents } from "@opsdeck/core";
import type { PluginEventHandler, TaskContext } from "@opsdeck/plugin-sdk";
import { sql, type SQL } from "drizzle-orm";
import type { FactKind } from "./facts.ts";
import { REFRESH_JOB } from "./freshness.ts";
import { drainQueue, queueRecords } from "./maintain.ts";

/*
 * Event handlers keep the aggregates current between sweeps. Each queues the records the event is about and
 * drains the queue; re-deriving a record twice gives the same result, so at-least-once delivery is harmless.
 * Changes core reports with no event (an amount edited, a record deleted, an activity logged) are found by the
 * sweep of the refresh job (see maintain.ts).
 */

const uuidList = (ids: string[]) =>
  sql`select value::uuid from json_array_elements_text(${JSON.stringify(ids)}::json)`;

async function rederive(ctx: TaskContext, kind: FactKind, ids: SQL) {
  await queueRecords(ctx.db, ctx.tenant.organizationId, kind, ids);
  await drainQueue(ctx.db, ctx.tenant.organizationId);
}

const onOpportunity: PluginEventHandler = async (ctx, event) => {
  const { opportunityId } = event.payload as { opportunityId: string };
  await rederive(ctx, "opportunity", uuidList([opportunityId]));
};

/** Ids named by a merge or its undo. */
function mergeIds(payload: unknown): string[] {
  const p = payload as { survivorId: string; mergedIds?: string[]; restoredIds?: string[] };
  return [p.survivorId, ...(p.mergedIds ?? []), ...(p.restoredIds ?? [])];
}

const onAccountMerged: PluginEventHandler = async (ctx, event) => {
  const accounts = mergeIds(event.payload);
  // Deals move to the survivor (their segment may change with it); those of a merged account are re-derived too.
  await rederive(
    ctx,
    "opportunity",
    sql`select id from core.opportunities where organization_id = ${ctx.tenant.organizationId}::uuid and account_id in (${uuidList(accounts)})`,
  );
};

const onContactMerged: PluginEventHandler = async (ctx, event) => {
  await rederive(
    ctx,
    "activity",
    sql`select id from core.activities where organization_id = ${ctx.tenant.organizationId}::uuid and contact_id in (${uuidList(mergeIds(event.payload))})`,
  );
};

/** Merged leads leave (or, undone, come back); their activities may move to the survivor. */
const onLeadMerged: PluginEventHandler = async (ctx, event) => {
  const ids = mergeIds(event.payload);
  await queueRecords(ctx.db, ctx.tenant.organizationId, "lead", uuidList(ids));
  await rederive(
    ctx,
    "activity",
    sql`select id from core.activities where organization_id = ${ctx.tenant.organizationId}::uuid and lead_id in (${uuidList(ids)})`,
  );
};

const onLeadCreated: PluginEventHandler = async (ctx, event) => {
  const { leadId } = event.payload as CoreEvents["lead.created"];
  await rederive(ctx, "lead", uuidList([leadId]));
};

/** An import may change thousands of rows in a long transaction: rebuild in the background. */
const onImportCompleted: PluginEventHandler = async (ctx, event) => {
  const { entity } = event.payload as CoreEvents["import.completed"];
  if (!["opportunities", "leads", "activities", "accounts"].includes(entity)) return;
  await ctx.jobs.enqueue(REFRESH_JOB, { rebuild: true });
};

export const aggregateEventHandlers: Record<string, PluginEventHandler> = {
  "opportunity.created": onOpportunity,
  "opportunity.stage_changed": onOpportunity,
  "opportunity.closed_won": onOpportunity,
  "opportunity.closed_lost": onOpportunity,
  "lead.created": onLeadCreated,
  "account.merged": onAccountMerged,
  "account.unmerged": onAccountMerged,
  "contact.merged": onContactMerged,
  "contact.unmerged": onContactMerged,
  "lead.merged": onLeadMerged,
  "lead.unmerged": onLeadMerged,
  "import.completed": onImportCompleted,
};
