import { and, desc, eq, gte, lte, type SQL } from "drizzle-orm";
import type { TenantContext } from "../domain/context.ts";
import { auditLog } from "../schema/tables.ts";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Records who did what to which record, with the record before and after. Call it in the same transaction. */
export async function recordAudit(ctx: TenantContext, entry: AuditEntry): Promise<void> {
  await ctx.db.insert(auditLog).values({
    organizationId: ctx.organizationId,
    actorUserId: ctx.actorUserId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

export interface AuditQuery {
  actorUserId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** The organization's audit log, newest first. */
export async function queryAudit(ctx: TenantContext, query: AuditQuery = {}) {
  const where: SQL[] = [eq(auditLog.organizationId, ctx.organizationId)];
  if (query.actorUserId) where.push(eq(auditLog.actorUserId, query.actorUserId));
  if (query.entityType) where.push(eq(auditLog.entityType, query.entityType));
  if (query.entityId) where.push(eq(auditLog.entityId, query.entityId));
  if (query.from) where.push(gte(auditLog.at, query.from));
  if (query.to) where.push(lte(auditLog.at, query.to));
  return ctx.db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(query.limit ?? 100)
    .offset(query.offset ?? 0);
}
