// Converting a lead: the person becomes a contact (new, or one already on file), the company an account
// (new, existing, or none), optionally with an opportunity; the lead's activities follow the contact, and the
// lead is marked converted with links to what it became. One transaction: a failure leaves nothing behind.
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { TenantContext } from "../domain/context.ts";
import { notFound, OpsdeckError } from "../domain/errors.ts";
import { STAGES } from "../domain/stages.ts";
import { activities, leads, organizations } from "../schema/tables.ts";
import { recordAudit } from "./audit.ts";
import { emitEvent } from "./events.ts";
import { createRecord, getRecord, updateRecord, type RecordWriteOptions } from "./records.ts";

export const convertLeadSchema = z.object({
  leadId: z.guid(),
  contact: z
    .discriminatedUnion("mode", [
      z.object({ mode: z.literal("new") }),
      /** The person is already a contact: blank fields of the contact are filled from the lead, nothing is overwritten. */
      z.object({ mode: z.literal("existing"), contactId: z.guid() }),
    ])
    .default({ mode: "new" }),
  account: z
    .discriminatedUnion("mode", [
      /** A new account named after the lead's company (or `name`). */
      z.object({ mode: z.literal("new"), name: z.string().trim().min(1).max(255).optional() }),
      z.object({ mode: z.literal("existing"), accountId: z.guid() }),
      z.object({ mode: z.literal("none") }),
    ])
    .default({ mode: "new" }),
  /**
   * An opportunity to open for the account (its fields as `core.records.create` takes them); the stage defaults
   * to the pipeline's first, the currency to the organization's.
   */
  opportunity: z.record(z.string(), z.unknown()).nullish(),
});
export type ConvertLeadInput = z.input<typeof convertLeadSchema>;

export interface LeadConversion {
  leadId: string;
  contactId: string;
  accountId: string | null;
  opportunityId: string | null;
  /** Activities of the lead now linked to the contact (and account). */
  activitiesMoved: number;
}

/** Where a deal opened by a conversion starts unless told: the first open stage of the pipeline. */
const FIRST_STAGE = STAGES.find((stage) => !stage.closed)!.id;

/** The lead's fields a contact has too. */
const PERSON_FIELDS = ["firstName", "lastName", "email", "phone", "title", "country", "state"] as const;

/** Converts a lead; CONFLICT when it is converted or deleted already, NOT_FOUND for records of another organization. */
export async function convertLead(ctx: TenantContext, input: ConvertLeadInput, options: RecordWriteOptions = {}): Promise<LeadConversion> {
  const request = convertLeadSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    const scoped: TenantContext = { ...ctx, db: tx };
    const [lead] = await tx
      .select()
      .from(leads)
      .where(and(eq(leads.organizationId, ctx.organizationId), eq(leads.id, request.leadId)))
      .for("update");
    if (!lead) throw notFound("Lead");
    if (lead.deletedAt) throw new OpsdeckError("CONFLICT", "This lead is in the trash: restore it before converting it.");
    if (lead.status === "converted" || lead.convertedContactId) throw new OpsdeckError("CONFLICT", "This lead was converted already.");

    let accountId: string | null = null;
    if (request.account.mode === "existing") {
      accountId = (await getRecord(scoped, "accounts", request.account.accountId)).id; // NOT_FOUND when trashed
    } else if (request.account.mode === "new") {
      const name = request.account.name ?? lead.company?.trim();
      if (!name) {
        throw new OpsdeckError("BAD_REQUEST", "The lead has no company: name the new account or choose one.", {
          issues: [{ path: ["account", "name"], message: "Required when the lead has no company" }],
        });
      }
      const account = await createRecord(
        scoped,
        "accounts",
        { name, country: lead.country, state: lead.state, ownerId: lead.ownerId },
        options,
      );
      accountId = account.id;
    }

    const person = Object.fromEntries(PERSON_FIELDS.map((f) => [f, lead[f]]));
    let contactId: string;
    if (request.contact.mode === "existing") {
      const contact = (await getRecord(scoped, "contacts", request.contact.contactId)) as Record<string, unknown>;
      const fill: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(person)) if (value != null && value !== "" && (contact[field] == null || contact[field] === "")) fill[field] = value;
      if (accountId && !contact.accountId) fill.accountId = accountId;
      if (Object.keys(fill).length) await updateRecord(scoped, "contacts", request.contact.contactId, fill, options);
      contactId = request.contact.contactId;
    } else {
      const contact = await createRecord(scoped, "contacts", { ...person, accountId, ownerId: lead.ownerId }, options);
      contactId = contact.id;
    }

    let opportunityId: string | null = null;
    if (request.opportunity) {
      const [org] = await tx.select({ currency: organizations.currency }).from(organizations).where(eq(organizations.id, ctx.organizationId));
      const defaults = { stage: FIRST_STAGE, currency: org!.currency, ownerId: lead.ownerId, source: lead.source };
      const opportunity = await createRecord(scoped, "opportunities", { ...defaults, ...request.opportunity, accountId } as never, options);
      opportunityId = opportunity.id;
    }

    // The lead's history follows the person; links an activity already has are kept.
    const now = new Date();
    const movedToContact = await tx
      .update(activities)
      .set({ contactId, updatedAt: now })
      .where(and(eq(activities.organizationId, ctx.organizationId), eq(activities.leadId, lead.id), isNull(activities.contactId)))
      .returning({ id: activities.id });
    if (accountId) {
      await tx
        .update(activities)
        .set({ accountId, updatedAt: now })
        .where(and(eq(activities.organizationId, ctx.organizationId), eq(activities.leadId, lead.id), isNull(activities.accountId)));
    }

    const [after] = await tx
      .update(leads)
      .set({
        status: "converted",
        convertedAt: now,
        convertedContactId: contactId,
        convertedAccountId: accountId,
        convertedOpportunityId: opportunityId,
        updatedAt: now,
      })
      .where(eq(leads.id, lead.id))
      .returning();
    await recordAudit(scoped, { action: "leads.converted", entityType: "leads", entityId: lead.id, before: lead, after: after! });
    await emitEvent(scoped, "lead.converted", { leadId: lead.id, contactId, accountId, opportunityId });
    return { leadId: lead.id, contactId, accountId, opportunityId, activitiesMoved: movedToContact.length };
  });
}

