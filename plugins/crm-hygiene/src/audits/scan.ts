import type { TenantContext } from "@opsdeck/core";
import { queryRows, toCount } from "@opsdeck/db";
import { Decimal } from "decimal.js";
import { and, eq, sql } from "drizzle-orm";
import { qualitySnapshots } from "../schema/quality.ts";
import { listRules } from "../validation/rules-service.ts";
import { AUDITED_ENTITIES, auditSource, builtInChecks, penaltySql, ruleChecks, type Check } from "./checks.ts";

export interface ScanOptions {
  staleDays: number;
  /** The organization's time zone: a snapshot belongs to its calendar day there. */
  timeZone: string;
  progress?: ((p: { done: number; total: number; message: string }) => Promise<void>) | undefined;
}

interface Tally {
  records: number;
  penalty: Decimal;
  issues: Record<string, number>;
}

export interface ScanResult {
  day: string;
  score: number;
  records: number;
  owners: number;
  issues: Record<string, number>;
}

/** 100 × (1 − penalty / records), two decimals; 100 for no records. */
export function scoreOf(records: number, penalty: Decimal.Value): number {
  if (records === 0) return 100;
  return new Decimal(1).minus(new Decimal(penalty).div(records)).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toNumber();
}

/** The checks of an organization: the built-in audits and its enabled validation rules. */
export async function checksOf(tenant: TenantContext, staleDays: number): Promise<Check[]> {
  return [...builtInChecks(staleDays), ...ruleChecks(await listRules(tenant, { enabledOnly: true }))];
}

/**
 * The data-quality scan: runs every check over every audited record (one grouped query per entity) and
 * stores today's snapshot for the organization and for each owner, replacing one taken earlier today.
 */
export async function runQualityScan(tenant: TenantContext, options: ScanOptions): Promise<ScanResult> {
  const checks = await checksOf(tenant, options.staleDays);
  const scopes = new Map<string, Tally>();
  let done = 0;
  for (const entity of AUDITED_ENTITIES) {
    await options.progress?.({ done, total: AUDITED_ENTITIES.length, message: `Auditing ${entity}` });
    const own = checks.filter((c) => c.entity === entity);
    const rows = await queryRows<Record<string, unknown>>(
      tenant.db,
      sql`select coalesce(r.owner_id::text, 'none') as scope, count(*) as records, coalesce(sum(${penaltySql(own)}), 0) as penalty,
                 ${sql.join(
                   own.map((c, i) => sql`count(*) filter (where ${c.failing}) as ${sql.raw(`"c${i}"`)}`),
                   sql`, `,
                 )}
          from ${auditSource(entity, tenant.organizationId)} group by 1`,
    );
    for (const row of rows) {
      const scope = String(row.scope);
      const tally = scopes.get(scope) ?? { records: 0, penalty: new Decimal(0), issues: {} };
      tally.records += toCount(row.records);
      tally.penalty = tally.penalty.plus(String(row.penalty));
      own.forEach((c, i) => {
        const n = toCount(row[`c${i}`]);
        if (n) tally.issues[c.id] = (tally.issues[c.id] ?? 0) + n;
      });
      scopes.set(scope, tally);
    }
    done += 1;
  }
  const org: Tally = { records: 0, penalty: new Decimal(0), issues: {} };
  for (const t of scopes.values()) {
    org.records += t.records;
    org.penalty = org.penalty.plus(t.penalty);
    for (const [id, n] of Object.entries(t.issues)) org.issues[id] = (org.issues[id] ?? 0) + n;
  }
  const [today] = await queryRows<{ day: string }>(tenant.db, sql`select (now() at time zone ${options.timeZone})::date::text as day`);
  const day = today!.day;
  const rows = [["org", org] as const, ...scopes.entries()].map(([scope, t]) => ({
    organizationId: tenant.organizationId,
    day,
    scope,
    records: t.records,
    penalty: t.penalty.toFixed(6),
    score: scoreOf(t.records, t.penalty).toFixed(2),
    issues: t.issues,
  }));
  await tenant.db.transaction(async (tx) => {
    await tx.delete(qualitySnapshots).where(and(eq(qualitySnapshots.organizationId, tenant.organizationId), eq(qualitySnapshots.day, day)));
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(qualitySnapshots).values(rows.slice(i, i + 1000));
  });
  await options.progress?.({ done, total: AUDITED_ENTITIES.length, message: "Snapshot saved" });
  return { day, score: scoreOf(org.records, org.penalty), records: org.records, owners: scopes.size, issues: org.issues };
}
