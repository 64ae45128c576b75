import { OpsdeckError, type TenantContext } from "@opsdeck/core";
import { queryRows, toCount } from "@opsdeck/db";
import { desc, eq, and, sql } from "drizzle-orm";
import { qualitySnapshots } from "../schema/quality.ts";
import { AUDITED_ENTITIES, auditSource, LABEL_SQL, penaltySql, type AuditedEntity } from "./checks.ts";
import { checksOf, scoreOf } from "./scan.ts";
import { labelIssues, userNames, type IssueCount } from "./scores.ts";

export interface AuditRecord {
  id: string;
  entity: AuditedEntity;
  label: string | null;
  ownerId: string | null;
  ownerName: string | null;
  lastActivity: string | null;
}

/** The audits with their counts as of the latest scan (one row per check, zeros included). */
export async function auditSummary(tenant: TenantContext, staleDays: number): Promise<{ day: string | null; audits: IssueCount[] }> {
  const [latest] = await tenant.db
    .select({ day: qualitySnapshots.day, issues: qualitySnapshots.issues })
    .from(qualitySnapshots)
    .where(and(eq(qualitySnapshots.organizationId, tenant.organizationId), eq(qualitySnapshots.scope, "org")))
    .orderBy(desc(qualitySnapshots.day))
    .limit(1);
  const counts = (latest?.issues ?? {}) as Record<string, number>;
  const all = Object.fromEntries((await checksOf(tenant, staleDays)).map((c) => [c.id, counts[c.id] ?? 0]));
  return { day: latest?.day ?? null, audits: await labelIssues(tenant, all) };
}

/** A page of the records failing one check, now (not as of the scan). */
export async function listAuditRecords(
  tenant: TenantContext,
  checkId: string,
  options: { staleDays: number; limit: number; offset: number; ownerId?: string | undefined },
): Promise<{ check: { id: string; label: string; entity: AuditedEntity }; rows: AuditRecord[]; total: number }> {
  const check = (await checksOf(tenant, options.staleDays)).find((c) => c.id === checkId);
  if (!check) throw new OpsdeckError("NOT_FOUND", "Audit was not found.");
  const owner = options.ownerId ? sql`and r.owner_id = ${options.ownerId}::uuid` : sql``;
  const source = auditSource(check.entity, tenant.organizationId, owner);
  const rows = await queryRows<{ id: string; label: string | null; owner_id: string | null; last_activity: string | null }>(
    tenant.db,
    sql`select r.id::text as id, ${sql.raw(LABEL_SQL[check.entity])} as label, r.owner_id::text as owner_id,
               r.last_activity::text as last_activity
        from ${source} where ${check.failing} order by r.id limit ${options.limit} offset ${options.offset}`,
  );
  const [count] = await queryRows<{ n: unknown }>(tenant.db, sql`select count(*) as n from ${source} where ${check.failing}`);
  const names = await userNames(tenant, rows.flatMap((r) => (r.owner_id ? [r.owner_id] : [])));
  return {
    check: { id: check.id, label: check.label, entity: check.entity },
    total: toCount(count?.n),
    rows: rows.map((r) => ({
      id: r.id,
      entity: check.entity,
      label: r.label,
      ownerId: r.owner_id,
      ownerName: r.owner_id ? (names.get(r.owner_id) ?? null) : null,
      lastActivity: r.last_activity,
    })),
  };
}

/** One record's score now and the checks it fails. */
export async function recordQuality(tenant: TenantContext, entity: AuditedEntity, id: string, staleDays: number) {
  if (!(AUDITED_ENTITIES as readonly string[]).includes(entity)) throw new OpsdeckError("BAD_REQUEST", `No audits for ${entity}.`);
  const checks = (await checksOf(tenant, staleDays)).filter((c) => c.entity === entity);
  const [row] = await queryRows<Record<string, unknown>>(
    tenant.db,
    sql`select ${penaltySql(checks)}::text as penalty, ${sql.join(
      checks.map((c, i) => sql`(${c.failing}) as ${sql.raw(`"c${i}"`)}`),
      sql`, `,
    )} from ${auditSource(entity, tenant.organizationId, sql`and r.id = ${id}::uuid`)}`,
  );
  if (!row) throw new OpsdeckError("NOT_FOUND", "Record was not found.");
  return {
    entity,
    id,
    score: scoreOf(1, String(row.penalty)),
    failing: checks.filter((_c, i) => row[`c${i}`] === true).map((c) => ({ id: c.id, label: c.label, weight: c.weight })),
  };
}
