// The blocking-key index: per record, the 53-bit hashes of its `<pass>:<key>` blocking keys. A full scan rebuilds
// it; new records add theirs and look up the records sharing a key to find their candidates without a scan.
import type { TenantContext } from "@opsdeck/core";
import { queryRows } from "@opsdeck/db";
import { sql } from "drizzle-orm";
import { blockingKey } from "../matching/blocking.ts";
import type { FeatureTable } from "../matching/features.ts";
import { matchKeys } from "../schema/duplicates.ts";
import { chunks, textArray, uuidArray } from "./pg-arrays.ts";

/** The records of a scan index themselves under their entity; leads vs contacts reuses the contacts' keys. */
export type KeyedEntity = "contacts" | "accounts" | "leads";

/** cyrb53: a fast 53-bit string hash (fits a JS number and a Postgres bigint exactly). */
export function hashKey(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The hashed keys of record `i`. */
export function keysOf(t: FeatureTable, passes: readonly string[], i: number): number[] {
  const out: number[] = [];
  for (const pass of passes) {
    const key = blockingKey(t, pass, i);
    if (key !== null) out.push(hashKey(`${pass}:${key}`));
  }
  return out;
}

/**
 * Brings the entity's index in line with `t` (records in id order, as the scan loads them): a merge join against
 * the stored rows, also read in id order, writes only what changed — a rescan of an unchanged million records
 * reads the index and writes nothing. Returns how many keys the index holds.
 */
export async function rebuildMatchKeys(
  ctx: TenantContext,
  entity: KeyedEntity,
  t: FeatureTable,
  passes: readonly string[],
  onProgress?: (done: number, total: number) => Promise<void>,
): Promise<number> {
  let total = 0;
  let i = 0;
  const upsert: number[] = [];
  const stale: string[] = [];
  const flush = async (force: boolean) => {
    if (upsert.length >= 20_000 || (force && upsert.length)) await addMatchKeys(ctx, entity, t, passes, upsert.splice(0));
    if (stale.length >= 20_000 || (force && stale.length)) await removeMatchKeys(ctx, stale.splice(0), entity);
  };
  const wanted = (x: number) => {
    const keys = keysOf(t, passes, x);
    total += keys.length;
    return keys.length ? `{${keys.join(",")}}` : null;
  };
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await queryRows<{ record_id: string; keys: string }>(
      ctx.db,
      sql`select record_id, keys::text as keys from ${matchKeys}
          where organization_id = ${ctx.organizationId} and entity = ${entity} and record_id > ${after}::uuid
          order by record_id limit 50000`,
    );
    for (const row of rows) {
      while (i < t.size && t.ids[i]! < row.record_id) {
        if (wanted(i) !== null) upsert.push(i);
        i += 1;
      }
      if (i < t.size && t.ids[i] === row.record_id) {
        const keys = wanted(i);
        if (keys === null) stale.push(row.record_id);
        else if (keys !== row.keys) upsert.push(i);
        i += 1;
      } else stale.push(row.record_id);
    }
    await flush(false);
    await onProgress?.(i, t.size);
    if (rows.length < 50_000) break;
    after = rows[rows.length - 1]!.record_id;
  }
  for (; i < t.size; i++) if (wanted(i) !== null) upsert.push(i);
  await flush(true);
  await onProgress?.(t.size, t.size);
  return total;
}

/** Adds (or replaces) the keys of records `indexes` of `t`; returns how many keys were written. */
export async function addMatchKeys(
  ctx: TenantContext,
  entity: KeyedEntity,
  t: FeatureTable,
  passes: readonly string[],
  indexes: number[],
  onProgress?: (done: number, total: number) => Promise<void>,
): Promise<number> {
  let written = 0;
  if (!indexes.length) return 0;
  for (const part of chunks(indexes, 20_000)) {
    const ids: string[] = [];
    const keys: string[] = [];
    for (const i of part) {
      const hashes = keysOf(t, passes, i);
      if (!hashes.length) continue;
      ids.push(t.ids[i]!);
      keys.push(`{${hashes.join(",")}}`);
      written += hashes.length;
    }
    if (ids.length) {
      await ctx.db.execute(sql`insert into ${matchKeys} (organization_id, entity, record_id, keys)
        select ${ctx.organizationId}, ${entity}, r, k::bigint[] from unnest(${uuidArray(ids)}, ${textArray(keys)}) as u(r, k)
        on conflict (organization_id, entity, record_id) do update set keys = excluded.keys`);
    }
    await onProgress?.(part[part.length - 1]! + 1, indexes.length);
  }
  return written;
}

/** Ids of records (other than `exclude`) sharing one of `keys`, at most `limit` of them. */
export async function recordsSharingKeys(ctx: TenantContext, entity: KeyedEntity, keys: number[], limit: number, exclude: string[]): Promise<string[]> {
  if (!keys.length) return [];
  const rows = await queryRows<{ record_id: string }>(
    ctx.db,
    sql`select record_id from ${matchKeys}
        where organization_id = ${ctx.organizationId} and entity = ${entity} and keys && ${`{${keys.join(",")}}`}::bigint[]
        limit ${limit}`,
  );
  const skip = new Set(exclude);
  return rows.map((r) => r.record_id).filter((id) => !skip.has(id));
}

/** Whether the entity has been indexed by a scan. */
export async function hasMatchKeys(ctx: TenantContext, entity: KeyedEntity): Promise<boolean> {
  const rows = await queryRows(ctx.db, sql`select 1 from ${matchKeys} where organization_id = ${ctx.organizationId} and entity = ${entity} limit 1`);
  return rows.length > 0;
}

export async function removeMatchKeys(ctx: TenantContext, recordIds: string[], entity?: KeyedEntity): Promise<void> {
  if (!recordIds.length) return;
  const only = entity ? sql`and entity = ${entity}` : sql``;
  await ctx.db.execute(sql`delete from ${matchKeys} where organization_id = ${ctx.organizationId} ${only} and record_id = any(${uuidArray(recordIds)})`);
}
