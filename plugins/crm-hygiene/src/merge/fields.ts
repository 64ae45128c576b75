// Which fields a merge lets a person pick per entity, and how a survivor and the field picks are suggested.
import type { MergeEntity } from "@opsdeck/core";
import { z } from "zod";

export const MERGE_FIELDS: Record<MergeEntity, readonly string[]> = {
  contacts: ["firstName", "lastName", "email", "phone", "title", "accountId", "country", "state", "city", "ownerId"],
  accounts: ["name", "domain", "industry", "employees", "annualRevenue", "country", "state", "city", "postalCode", "ownerId", "parentAccountId"],
  leads: ["firstName", "lastName", "email", "phone", "company", "title", "country", "state", "source", "status", "ownerId"],
};

/** Entities a merge applies to (core's MERGE_ENTITIES; repeated so the web part does not load core). */
export const MERGE_ENTITIES = ["contacts", "accounts", "leads"] as const satisfies readonly MergeEntity[];

export const SURVIVOR_RULES = ["most_complete", "most_recent", "oldest", "manual"] as const;
export type SurvivorRule = (typeof SURVIVOR_RULES)[number];
export const survivorRule = z.enum(SURVIVOR_RULES);

export interface MergeRecord {
  id: string;
  createdAt: Date | string;
  updatedAt: Date | string;
  [field: string]: unknown;
}

const time = (v: Date | string) => new Date(v).getTime();
const filled = (v: unknown) => v !== null && v !== undefined && v !== "";

/** Records ordered by how much a rule prefers them to survive (best first). */
export function rankRecords(entity: MergeEntity, records: MergeRecord[], rule: Exclude<SurvivorRule, "manual">): MergeRecord[] {
  const completeness = (r: MergeRecord) => MERGE_FIELDS[entity].filter((f) => filled(r[f])).length;
  return [...records].sort((a, b) => {
    if (rule === "most_recent") return time(b.updatedAt) - time(a.updatedAt) || time(a.createdAt) - time(b.createdAt);
    if (rule === "most_complete") return completeness(b) - completeness(a) || time(a.createdAt) - time(b.createdAt);
    return time(a.createdAt) - time(b.createdAt) || a.id.localeCompare(b.id);
  });
}

/** The survivor and, per field, the record whose value it keeps: the first in rank order that has one. */
export function suggestPicks(entity: MergeEntity, records: MergeRecord[], rule: Exclude<SurvivorRule, "manual">) {
  const ranked = rankRecords(entity, records, rule);
  const survivorId = ranked[0]!.id;
  const picks: Record<string, string> = {};
  for (const field of MERGE_FIELDS[entity]) picks[field] = (ranked.find((r) => filled(r[field])) ?? ranked[0]!).id;
  return { survivorId, picks };
}

/** The survivor's new values from the picks; fields picked from the survivor itself are left out (unchanged). */
export function valuesFromPicks(entity: MergeEntity, records: MergeRecord[], survivorId: string, picks: Record<string, string>): Record<string, unknown> {
  const byId = new Map(records.map((r) => [r.id, r]));
  const values: Record<string, unknown> = {};
  for (const field of MERGE_FIELDS[entity]) {
    const from = picks[field];
    if (!from || from === survivorId) continue;
    const record = byId.get(from);
    if (!record) continue;
    values[field] = record[field] ?? null;
  }
  return values;
}
