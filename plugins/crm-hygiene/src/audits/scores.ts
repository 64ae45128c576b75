import type { TenantContext } from "@opsdeck/core";
import { memberships, users } from "@opsdeck/core/schema";
import { queryRows, toCount } from "@opsdeck/db";
import { Decimal } from "decimal.js";
import { and, desc, eq, gte, inArray, sql } from "drizzle-orm";
import { qualitySnapshots } from "../schema/quality.ts";
import { listRules } from "../validation/rules-service.ts";
import { builtInChecks, type AuditedEntity } from "./checks.ts";
import { scoreOf } from "./scan.ts";

export interface TrendPoint {
  day: string;
  score: number;
  records: number;
}

export interface IssueCount {
  id: string;
  label: string;
  entity: AuditedEntity | null;
  kind: string;
  count: number;
}

/** Labels of every check id a snapshot may hold (built-in audits and the organization's rules). */
async function checkLabels(tenant: TenantContext): Promise<Map<string, { label: string; entity: AuditedEntity | null; kind: string }>> {
  const map = new Map<string, { label: string; entity: AuditedEntity | null; kind: string }>();
  for (const c of builtInChecks(1)) map.set(c.id, { label: c.label, entity: c.entity, kind: c.kind });
  for (const r of await listRules(tenant)) map.set(`rule:${r.id}`, { label: `Rule: ${r.name}`, entity: r.entity, kind: "rule" });
  return map;
}

/** Issue counts with labels, largest first. */
export async function labelIssues(tenant: TenantContext, issues: Record<string, number>): Promise<IssueCount[]> {
  const labels = await checkLabels(tenant);
  return Object.entries(issues)
    .map(([id, count]) => ({ id, count, ...(labels.get(id) ?? { label: "A deleted rule", entity: null, kind: "rule" }) }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

const since = (days: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
};

/**
 * The daily score of the organization, of one owner, or of a team (its members' records together), for
 * the last `days` days, oldest first.
 */
export async function scoreTrend(
  tenant: TenantContext,
  filter: { ownerId?: string | undefined; teamId?: string | undefined; days: number },
): Promise<TrendPoint[]> {
  let scopes: string[] = ["org"];
  if (filter.ownerId) scopes = [filter.ownerId];
  else if (filter.teamId) {
    const members = await tenant.db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.organizationId, tenant.organizationId), eq(memberships.teamId, filter.teamId)));
    scopes = members.map((m) => m.userId);
    if (!scopes.length) return [];
  }
  const rows = await tenant.db
    .select({ day: qualitySnapshots.day, records: qualitySnapshots.records, penalty: qualitySnapshots.penalty })
    .from(qualitySnapshots)
    .where(
      and(
        eq(qualitySnapshots.organizationId, tenant.organizationId),
        inArray(qualitySnapshots.scope, scopes),
        gte(qualitySnapshots.day, since(filter.days)),
      ),
    )
    .orderBy(qualitySnapshots.day);
  const byDay = new Map<string, { records: number; penalty: Decimal }>();
  for (const r of rows) {
    const t = byDay.get(r.day) ?? { records: 0, penalty: new Decimal(0) };
    t.records += r.records;
    t.penalty = t.penalty.plus(r.penalty);
    byDay.set(r.day, t);
  }
  return [...byDay].map(([day, t]) => ({ day, records: t.records, score: scoreOf(t.records, t.penalty) }));
}

export interface OwnerScore {
  ownerId: string | null;
  name: string;
  active: boolean;
  records: number;
  score: number;
  issues: number;
}

export interface Overview {
  day: string | null;
  score: number | null;
  records: number;
  /** The score on the first day of the trend, for the change shown next to the score. */
  previousScore: number | null;
  trend: TrendPoint[];
  owners: OwnerScore[];
  topIssues: IssueCount[];
}

/** The overview page: the latest snapshot, its trend, the score by owner and the top issues. */
export async function qualityOverview(tenant: TenantContext, options: { days: number }): Promise<Overview> {
  const [latest] = await tenant.db
    .select()
    .from(qualitySnapshots)
    .where(and(eq(qualitySnapshots.organizationId, tenant.organizationId), eq(qualitySnapshots.scope, "org")))
    .orderBy(desc(qualitySnapshots.day))
    .limit(1);
  if (!latest) return { day: null, score: null, records: 0, previousScore: null, trend: [], owners: [], topIssues: [] };
  const trend = await scoreTrend(tenant, { days: options.days });
  const ownerRows = await queryRows<{ scope: string; records: number; score: string; issues: unknown; name: string | null; active: boolean | null }>(
    tenant.db,
    sql`select s.scope, s.records, s.score::text as score, s.issues, u.name,
               (m.user_id is not null and m.deactivated_at is null) as active
        from plugin_crm_hygiene.quality_snapshots s
        left join core.users u on u.id::text = s.scope
        left join core.memberships m on m.organization_id = s.organization_id and m.user_id::text = s.scope
        where s.organization_id = ${tenant.organizationId} and s.day = ${latest.day} and s.scope <> 'org'
        order by s.score asc, s.records desc`,
  );
  const issuesOf = (v: unknown) => Object.values((typeof v === "string" ? JSON.parse(v) : v) as Record<string, number>).reduce((a, b) => a + b, 0);
  return {
    day: latest.day,
    score: Number(latest.score),
    records: latest.records,
    previousScore: trend.length > 1 ? trend[0]!.score : null,
    trend,
    owners: ownerRows.map((r) => ({
      ownerId: r.scope === "none" ? null : r.scope,
      name: r.scope === "none" ? "No owner" : (r.name ?? "Unknown user"),
      active: r.scope === "none" ? true : Boolean(r.active),
      records: toCount(r.records),
      score: Number(r.score),
      issues: issuesOf(r.issues),
    })),
    topIssues: await labelIssues(tenant, latest.issues as Record<string, number>),
  };
}

/** Names of users, for owner columns. */
export async function userNames(tenant: TenantContext, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await tenant.db
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.organizationId, tenant.organizationId)))
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
