import { z } from "zod";
import { endOfDay, fromIsoDay } from "../../../../lib/iso-date.ts";
import type { CoreInputs } from "../../../../lib/trpc.ts";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined);

/** The audit log's filters, in the URL: who, which kind of record (and which one), which days, which page. */
export const auditSearchSchema = z.object({
  actor: z.guid().optional().catch(undefined),
  entity: z.string().max(64).optional().catch(undefined),
  entityId: z.string().max(200).optional().catch(undefined),
  from: day,
  to: day,
  page: z.number().int().min(0).catch(0).default(0),
});
export type AuditFilters = z.infer<typeof auditSearchSchema>;

export const AUDIT_PAGE_SIZE = 50;

/** The `core.audit.list` input for the filters. */
export function auditInput(filters: AuditFilters): CoreInputs["audit"]["list"] {
  const from = fromIsoDay(filters.from);
  const to = fromIsoDay(filters.to);
  return {
    actorUserId: filters.actor,
    entityType: filters.entity,
    entityId: filters.entityId,
    from,
    to: to ? endOfDay(to) : undefined,
    limit: AUDIT_PAGE_SIZE,
    offset: filters.page * AUDIT_PAGE_SIZE,
  };
}

/** Kinds of records the log names (core's; plugins add their own, typed in as they appear). */
export const AUDIT_ENTITY_TYPES = [
  "user",
  "invitation",
  "organization",
  "plugin",
  "role_grant",
  "job",
  "import",
  "accounts",
  "contacts",
  "leads",
  "opportunities",
  "activities",
] as const;
