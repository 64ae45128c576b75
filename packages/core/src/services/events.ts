import type { TenantContext } from "../domain/context.ts";
import { events } from "../schema/tables.ts";

/** Domain events core emits; plugins subscribe to them in their manifest. */
export interface CoreEvents {
  "user.created": { userId: string; email: string; role: string };
  "user.role_changed": { userId: string; from: string; to: string };
  "user.deactivated": { userId: string };
  "account.created": { accountId: string };
  "account.owner_changed": { accountId: string; from: string | null; to: string | null };
  "account.merged": { survivorId: string; mergedIds: string[] };
  "account.unmerged": { survivorId: string; restoredIds: string[] };
  "contact.created": { contactId: string };
  "contact.merged": { survivorId: string; mergedIds: string[] };
  /** A merge was undone: the records in `restoredIds` are back and their relations point at them again. */
  "contact.unmerged": { survivorId: string; restoredIds: string[] };
  "lead.created": { leadId: string };
  "lead.merged": { survivorId: string; mergedIds: string[] };
  "lead.converted": { leadId: string; contactId: string; accountId: string | null; opportunityId: string | null };
  "lead.unmerged": { survivorId: string; restoredIds: string[] };
  "opportunity.created": { opportunityId: string };
  "opportunity.stage_changed": { opportunityId: string; from: string; to: string };
  "opportunity.closed_won": { opportunityId: string; amount: string | null; currency: string };
  "opportunity.closed_lost": { opportunityId: string };
  "import.completed": { entity: string; created: number; updated: number; jobId: string | null };
}
export type CoreEventType = keyof CoreEvents;

/**
 * Writes an event to the transactional outbox. Call it with the transaction that makes the change, so
 * the event exists exactly when the change does; a dispatcher delivers it at least once.
 */
export async function emitEvent<T extends CoreEventType>(ctx: TenantContext, type: T, payload: CoreEvents[T]) {
  await ctx.db.insert(events).values({
    organizationId: ctx.organizationId,
    type,
    payload,
    actorUserId: ctx.actorUserId,
  });
}

/** Writes any event (plugins' own events use `<plugin id>.<name>`). */
export async function emitCustomEvent(ctx: TenantContext, type: string, payload: Record<string, unknown>) {
  await ctx.db.insert(events).values({
    organizationId: ctx.organizationId,
    type,
    payload,
    actorUserId: ctx.actorUserId,
  });
}
