import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { TenantContext } from "../domain/context.ts";
import {
  recordInputSchemas,
  recordReferences,
  recordTables,
  searchColumns,
  type RecordEntity,
  type RecordInput,
  type RecordRow,
} from "../domain/entities.ts";
import { OpsdeckError, notFound } from "../domain/errors.ts";
import { stageInfo, type StageId } from "../domain/stages.ts";
import { validateRecordWrite, type RecordViolation } from "../domain/validation.ts";
import { memberships } from "../schema/tables.ts";
import { recordAudit } from "./audit.ts";
import { emitEvent } from "./events.ts";

// The five record tables share id/organization_id/owner_id/deleted_at; this view of them keeps the
// generic code free of casts at every call.
interface CommonColumns {
  id: PgColumn;
  organizationId: PgColumn;
  ownerId: PgColumn;
  deletedAt: PgColumn;
  createdAt: PgColumn;
}
const tableOf = (entity: RecordEntity) => recordTables[entity] as unknown as PgTable & CommonColumns;
const column = (entity: RecordEntity, name: string) =>
  (recordTables[entity] as unknown as Record<string, PgColumn | undefined>)[name];

export interface ListRecordsQuery {
  search?: string | undefined;
  ownerIds?: string[] | undefined;
  /** Only soft-deleted records (the trash), instead of live ones. */
  deleted?: boolean | undefined;
  sort?: string | undefined;
  direction?: "asc" | "desc" | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface ListResult<T> {
  rows: T[];
  total: number;
}

function listWhere(ctx: TenantContext, entity: RecordEntity, query: ListRecordsQuery): SQL {
  const table = tableOf(entity);
  const where: (SQL | undefined)[] = [eq(table.organizationId, ctx.organizationId)];
  where.push(query.deleted ? isNotNull(table.deletedAt) : isNull(table.deletedAt));
  if (query.ownerIds?.length) where.push(inArray(table.ownerId, query.ownerIds));
  if (query.search?.trim()) {
    const like = `%${query.search.trim().replace(/[%_\\]/g, "\\$&")}%`;
    where.push(or(...searchColumns[entity].map((name) => ilike(column(entity, name)!, like))));
  }
  return and(...where)!;
}

/** A page of one record type in the caller's organization, with the total for the pager. */
export async function listRecords<E extends RecordEntity>(
  ctx: TenantContext,
  entity: E,
  query: ListRecordsQuery = {},
): Promise<ListResult<RecordRow<E>>> {
  const table = tableOf(entity);
  const where = listWhere(ctx, entity, query);
  const sortColumn = (query.sort && column(entity, query.sort)) || table.createdAt;
  const order = query.direction === "asc" ? asc(sortColumn) : desc(sortColumn);
  const [rows, [count]] = await Promise.all([
    ctx.db
      .select()
      .from(table)
      .where(where)
      .orderBy(order, asc(table.id))
      .limit(Math.min(query.limit ?? 50, 1000))
      .offset(query.offset ?? 0),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(table).where(where),
  ]);
  return { rows: rows as RecordRow<E>[], total: count?.n ?? 0 };
}

/** One record of the caller's organization; NOT_FOUND for another organization's id. */
export async function getRecord<E extends RecordEntity>(
  ctx: TenantContext,
  entity: E,
  id: string,
  options: { includeDeleted?: boolean } = {},
): Promise<RecordRow<E>> {
  const table = tableOf(entity);
  const where = [eq(table.organizationId, ctx.organizationId), eq(table.id, id)];
  if (!options.includeDeleted) where.push(isNull(table.deletedAt));
  const [row] = await ctx.db.select().from(table).where(and(...where));
  if (!row) throw notFound(singular(entity));
  return row as RecordRow<E>;
}

const singular = (entity: RecordEntity) => {
  const name = entity.replace(/ies$/, "y").replace(/s$/, "");
  return name[0]!.toUpperCase() + name.slice(1);
};

/** Refuses references to records or users outside the caller's organization. */
async function assertReferencesInOrg(ctx: TenantContext, entity: RecordEntity, values: Record<string, unknown>) {
  for (const [field, target] of Object.entries(recordReferences[entity])) {
    const value = values[field];
    if (typeof value !== "string" || !target) continue;
    const table = tableOf(target);
    const [hit] = await ctx.db
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.organizationId, ctx.organizationId), eq(table.id, value)));
    if (!hit) throw new OpsdeckError("BAD_REQUEST", `${field}: no such ${singular(target).toLowerCase()}.`);
  }
  if (typeof values.ownerId === "string") {
    const [member] = await ctx.db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.organizationId, ctx.organizationId), eq(memberships.userId, values.ownerId)));
    if (!member) throw new OpsdeckError("BAD_REQUEST", "ownerId: not a member of this organization.");
  }
}

/** Derived fields of an opportunity follow its stage: closed/won flags, closed_at, probability. */
function withStageFields(values: Record<string, unknown>, previous?: Record<string, unknown>) {
  if (typeof values.stage !== "string") return values;
  const info = stageInfo(values.stage as StageId);
  const next: Record<string, unknown> = { ...values, isClosed: info.closed, isWon: info.won };
  if (info.closed && !next.closedAt) next.closedAt = previous?.closedAt ?? new Date();
  if (!info.closed) next.closedAt = null;
  if (next.probability == null || (info.closed && previous?.stage !== values.stage)) next.probability = info.probability;
  return next;
}

/** What a write tells its caller besides the record. */
export interface RecordWriteOptions {
  /** Receives the warnings of validation rules (rules that block throw BAD_REQUEST instead). */
  warnings?: RecordViolation[] | undefined;
}

export async function createRecord<E extends RecordEntity>(
  ctx: TenantContext,
  entity: E,
  input: RecordInput<E>,
  options: RecordWriteOptions = {},
): Promise<RecordRow<E>> {
  let values = recordInputSchemas[entity].parse(input) as Record<string, unknown>;
  if (entity === "opportunities") values = withStageFields(values);
  return ctx.db.transaction(async (tx) => {
    const scoped = { ...ctx, db: tx };
    await assertReferencesInOrg(scoped, entity, values);
    const warnings = await validateRecordWrite(scoped, entity, "create", { values, before: null });
    options.warnings?.push(...warnings);
    const [row] = await tx
      .insert(tableOf(entity))
      .values({ ...values, organizationId: ctx.organizationId } as never)
      .returning();
    const created = row as Record<string, unknown> & { id: string };
    await recordAudit(scoped, { action: `${entity}.created`, entityType: entity, entityId: created.id, after: created });
    await emitCreated(scoped, entity, created.id);
    return created as RecordRow<E>;
  });
}

async function emitCreated(ctx: TenantContext, entity: RecordEntity, id: string) {
  if (entity === "accounts") await emitEvent(ctx, "account.created", { accountId: id });
  if (entity === "contacts") await emitEvent(ctx, "contact.created", { contactId: id });
  if (entity === "leads") await emitEvent(ctx, "lead.created", { leadId: id });
  if (entity === "opportunities") await emitEvent(ctx, "opportunity.created", { opportunityId: id });
}

export async function updateRecord<E extends RecordEntity>(
  ctx: TenantContext,
  entity: E,
  id: string,
  patch: Partial<RecordInput<E>>,
  options: RecordWriteOptions = {},
): Promise<RecordRow<E>> {
  let values = recordInputSchemas[entity].partial().parse(patch) as Record<string, unknown>;
  return ctx.db.transaction(async (tx) => {
    const scoped = { ...ctx, db: tx };
    const before = (await getRecord(scoped, entity, id)) as Record<string, unknown>;
    if (entity === "opportunities") values = withStageFields(values, before);
    await assertReferencesInOrg(scoped, entity, values);
    const candidate = { values: { ...before, ...values }, before };
    const warnings = await validateRecordWrite(scoped, entity, "update", candidate);
    options.warnings?.push(...warnings);
    const table = tableOf(entity);
    const [row] = await tx
      .update(table)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(table.organizationId, ctx.organizationId), eq(table.id, id)))
      .returning();
    const after = row as Record<string, unknown>;
    await recordAudit(scoped, { action: `${entity}.updated`, entityType: entity, entityId: id, before, after });
    await emitChanges(scoped, entity, id, before, after);
    return after as RecordRow<E>;
  });
}

async function emitChanges(
  ctx: TenantContext,
  entity: RecordEntity,
  id: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
) {
  if (entity === "accounts" && before.ownerId !== after.ownerId) {
    await emitEvent(ctx, "account.owner_changed", {
      accountId: id,
      from: (before.ownerId as string | null) ?? null,
      to: (after.ownerId as string | null) ?? null,
    });
  }
  if (entity === "opportunities" && before.stage !== after.stage) {
    const from = String(before.stage);
    const to = String(after.stage);
    await emitEvent(ctx, "opportunity.stage_changed", { opportunityId: id, from, to });
    if (to === "closed_won") {
      await emitEvent(ctx, "opportunity.closed_won", {
        opportunityId: id,
        amount: (after.amount as string | null) ?? null,
        currency: String(after.currency),
      });
    }
    if (to === "closed_lost") await emitEvent(ctx, "opportunity.closed_lost", { opportunityId: id });
  }
}

/** Moves a record to the trash; `restoreRecord` brings it back. */
export async function deleteRecord(ctx: TenantContext, entity: RecordEntity, id: string): Promise<void> {
  await setDeleted(ctx, entity, id, true);
}

export async function restoreRecord(ctx: TenantContext, entity: RecordEntity, id: string): Promise<void> {
  await setDeleted(ctx, entity, id, false);
}

async function setDeleted(ctx: TenantContext, entity: RecordEntity, id: string, deleted: boolean) {
  await ctx.db.transaction(async (tx) => {
    const scoped = { ...ctx, db: tx };
    const before = (await getRecord(scoped, entity, id, { includeDeleted: true })) as Record<string, unknown>;
    if (Boolean(before.deletedAt) === deleted) return;
    const table = tableOf(entity);
    await tx
      .update(table)
      .set({ deletedAt: deleted ? new Date() : null, updatedAt: new Date() })
      .where(and(eq(table.organizationId, ctx.organizationId), eq(table.id, id)));
    await recordAudit(scoped, {
      action: `${entity}.${deleted ? "deleted" : "restored"}`,
      entityType: entity,
      entityId: id,
      before,
    });
  });
}
