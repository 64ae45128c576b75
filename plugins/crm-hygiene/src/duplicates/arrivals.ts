// New and imported records are checked as they arrive: their blocking keys find the records sharing one in the
// key index (top candidates by match key, capped per key), those are scored with the organization's rules, and
// a match above the review threshold opens a cluster (or joins the open one it overlaps).
import type { TenantContext } from "@opsdeck/core";
import { queryRows } from "@opsdeck/db";
import { and, eq, sql } from "drizzle-orm";
import { clusterPairs } from "../matching/cluster.ts";
import { buildFeatures } from "../matching/features.ts";
import { loadMatchRows } from "../matching/load.ts";
import { comparable, type PairList } from "../matching/pairs.ts";
import type { DuplicateEntity } from "../matching/rules.ts";
import { createScorer } from "../matching/scorer.ts";
import { toBits, toProbability } from "../matching/weights.ts";
import { duplicateClusters, matchKeys } from "../schema/duplicates.ts";
import { addMatchKeys, hasMatchKeys, keysOf, recordsSharingKeys, type KeyedEntity } from "./match-keys.ts";
import { uuidArray } from "./pg-arrays.ts";
import { getRules } from "./rules-store.ts";
import { clusterValues, notDuplicatePairs } from "./scan.ts";

/** Which duplicate checks a new record of a core entity goes through. */
export const CHECKS: Record<KeyedEntity, DuplicateEntity[]> = {
  contacts: ["contacts"],
  accounts: ["accounts"],
  leads: ["leads", "lead_contact"],
};

export interface ArrivalResult {
  checked: number;
  candidates: number;
  clusters: number;
}

/** Checks new records of `kind` against the existing ones. Skipped until a first scan has built the key index. */
export async function checkArrivals(ctx: TenantContext, kind: KeyedEntity, ids: string[], defaultCountry = "US"): Promise<ArrivalResult> {
  const result: ArrivalResult = { checked: 0, candidates: 0, clusters: 0 };
  if (!ids.length) return result;
  for (const entity of CHECKS[kind]) {
    const index: KeyedEntity = entity === "lead_contact" ? "contacts" : kind;
    if (!(await hasMatchKeys(ctx, index))) continue;
    const { rules } = await getRules(ctx, entity);
    const fresh = await loadMatchRows(ctx, kind, { ids });
    if (!fresh.length) continue;
    const newTable = buildFeatures(entity, fresh.map((r) => ({ ...r, side: entity === "lead_contact" ? 1 : 0 })), rules.comparisons, defaultCountry);
    const keys = new Set<number>();
    for (let i = 0; i < newTable.size; i++) for (const k of keysOf(newTable, rules.blocking, i)) keys.add(k);
    const candidateIds = await recordsSharingKeys(ctx, index, [...keys], rules.maxBlockSize * 4, ids);
    result.checked += fresh.length;
    result.candidates += candidateIds.length;
    if (entity !== "lead_contact") await addMatchKeys(ctx, kind, newTable, rules.blocking, [...Array(newTable.size).keys()]);
    if (!candidateIds.length && fresh.length < 2) continue;
    // One table of the candidates and the new records: the candidates share the new records' keys, so value
    // frequencies inside it are a fair stand-in for the organization's.
    const rows = await loadMatchRows(ctx, entity, { ids: [...candidateIds, ...fresh.map((r) => r.id)] });
    const t = buildFeatures(entity, rows, rules.comparisons, defaultCountry);
    const scorer = createScorer(t, rules);
    const isNew = new Set(ids);
    const floor = toBits(rules.reviewThreshold);
    const pairs: PairList = { a: [], b: [], score: [] };
    for (let i = 0; i < t.size; i++) {
      for (let j = i + 1; j < t.size; j++) {
        if (!isNew.has(t.ids[i]!) && !isNew.has(t.ids[j]!)) continue;
        if (!comparable(t, i, j)) continue;
        const bits = scorer.score(i, j, floor);
        if (bits >= floor) {
          pairs.a.push(i);
          pairs.b.push(j);
          pairs.score.push(toProbability(bits));
        }
      }
    }
    if (!pairs.a.length) continue;
    const excluded = new Set<number>();
    const notDup = await notDuplicatePairs(ctx, entity);
    const at = new Map(t.ids.map((id, i) => [id, i]));
    for (const [a, b] of notDup) {
      const i = at.get(a);
      const j = at.get(b);
      if (i !== undefined && j !== undefined) excluded.add(i < j ? i * 2 ** 26 + j : j * 2 ** 26 + i);
    }
    for (const cluster of clusterPairs(t, pairs, scorer, { threshold: rules.reviewThreshold, excluded })) {
      if (!cluster.members.some((m) => isNew.has(t.ids[m]!))) continue;
      await saveArrivalCluster(ctx, entity, clusterValues(ctx, entity, t, cluster, null));
      result.clusters += 1;
    }
  }
  return result;
}

async function saveArrivalCluster(ctx: TenantContext, entity: DuplicateEntity, values: ReturnType<typeof clusterValues>) {
  const [open] = await queryRows<{ id: string; record_ids: string[] | string; pairs: unknown; score: number }>(
    ctx.db,
    sql`select id, record_ids::text[] as record_ids, pairs, score from ${duplicateClusters}
        where organization_id = ${ctx.organizationId} and entity = ${entity} and status = 'open' and record_ids && ${uuidArray(values.recordIds)}
        order by score desc limit 1 for update`,
  );
  if (!open) {
    await ctx.db.insert(duplicateClusters).values(values);
    return;
  }
  const existing = typeof open.record_ids === "string" ? open.record_ids.replace(/[{}]/g, "").split(",") : open.record_ids;
  const recordIds = [...new Set([...existing, ...values.recordIds])];
  const pairs = [...((typeof open.pairs === "string" ? JSON.parse(open.pairs) : open.pairs) as unknown[]), ...values.pairs];
  await ctx.db
    .update(duplicateClusters)
    .set({ recordIds, pairs, score: Math.min(Number(open.score), values.score) })
    .where(and(eq(duplicateClusters.organizationId, ctx.organizationId), eq(duplicateClusters.id, open.id)));
}

/** Records of `kind` touched since `since` that have no match keys yet (what an import brought in). */
export async function unkeyedSince(ctx: TenantContext, kind: KeyedEntity, since: Date, limit: number): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    ctx.db,
    sql`select t.id from core.${sql.identifier(kind)} t
        where t.organization_id = ${ctx.organizationId} and t.deleted_at is null and t.updated_at >= ${since.toISOString()}::timestamptz
          and not exists (select 1 from ${matchKeys} k where k.organization_id = t.organization_id and k.entity = ${kind} and k.record_id = t.id)
        order by t.id limit ${limit}`,
  );
  return rows.map((r) => r.id);
}
