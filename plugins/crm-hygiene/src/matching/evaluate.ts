// Matching quality against the demo seed's planted duplicates (core.seed_duplicates): pairwise precision, recall
// and F1 of the clusters. Used by the acceptance test and `pnpm bench hygiene`.
import { queryRows } from "@opsdeck/db";
import { sql } from "drizzle-orm";
import type { LoadScope } from "./load.ts";
import type { Cluster } from "./cluster.ts";
import type { FeatureTable } from "./features.ts";
import type { DuplicateEntity } from "./rules.ts";

export interface Quality {
  truePairs: number;
  predictedPairs: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

const SEED_ENTITY: Partial<Record<DuplicateEntity, string>> = { contacts: "contact", accounts: "account", lead_contact: "lead_contact" };

/** Groups of record ids that are one real-world record according to the seed (its copies joined transitively). */
async function plantedGroups(scope: LoadScope, seedEntity: string): Promise<Map<string, string>> {
  const rows = await queryRows<{ original_id: string; duplicate_id: string }>(
    scope.db,
    sql`select original_id, duplicate_id from core.seed_duplicates where organization_id = ${scope.organizationId} and entity = ${seedEntity}`,
  );
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const r of rows) {
    parent.set(r.original_id, find(r.original_id));
    parent.set(r.duplicate_id, find(r.duplicate_id));
    const a = find(r.original_id);
    const b = find(r.duplicate_id);
    if (a !== b) parent.set(b, a);
  }
  const group = new Map<string, string>();
  for (const id of parent.keys()) group.set(id, find(id));
  return group;
}

const ratio = (a: number, b: number) => (b ? a / b : 1);

function quality(truePairs: number, predictedPairs: number, correct: number): Quality {
  const precision = ratio(correct, predictedPairs);
  const recall = ratio(correct, truePairs);
  return { truePairs, predictedPairs, correct, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Precision/recall/F1 of `clusters` (over `t`) against the planted duplicates of the entity. */
export async function evaluateClusters(scope: LoadScope, entity: DuplicateEntity, t: FeatureTable, clusters: Cluster[]): Promise<Quality | null> {
  const seedEntity = SEED_ENTITY[entity];
  if (!seedEntity) return null;
  if (entity === "lead_contact") return evaluateLeads(scope, t, clusters);
  const group = await plantedGroups(scope, seedEntity);
  const present = new Set(t.ids);
  const sizes = new Map<string, number>();
  for (const [id, g] of group) if (present.has(id)) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  let truePairs = 0;
  for (const n of sizes.values()) truePairs += (n * (n - 1)) / 2;
  let predicted = 0;
  let correct = 0;
  for (const c of clusters) {
    const ids = c.members.map((m) => t.ids[m]!);
    for (let x = 0; x < ids.length; x++) {
      for (let y = x + 1; y < ids.length; y++) {
        predicted += 1;
        const gx = group.get(ids[x]!);
        if (gx && gx === group.get(ids[y]!)) correct += 1;
      }
    }
  }
  return quality(truePairs, predicted, correct);
}

/** Leads vs contacts: a lead is right when it joined a contact of the person it copies (or of that contact's copies). */
async function evaluateLeads(scope: LoadScope, t: FeatureTable, clusters: Cluster[]): Promise<Quality> {
  const contactGroup = await plantedGroups(scope, "contact");
  const rows = await queryRows<{ original_id: string; duplicate_id: string }>(
    scope.db,
    sql`select original_id, duplicate_id from core.seed_duplicates where organization_id = ${scope.organizationId} and entity = 'lead_contact'`,
  );
  const present = new Set(t.ids);
  const personOf = (contactId: string) => contactGroup.get(contactId) ?? contactId;
  const truth = new Map<string, string>();
  for (const r of rows) if (present.has(r.duplicate_id)) truth.set(r.duplicate_id, personOf(r.original_id));
  let predicted = 0;
  let correct = 0;
  for (const c of clusters) {
    const contact = t.ids[c.members[0]!]!;
    for (const m of c.members.slice(1)) {
      predicted += 1;
      if (truth.get(t.ids[m]!) === personOf(contact)) correct += 1;
    }
  }
  return quality(truth.size, predicted, correct);
}
