// Pairs to clusters without chaining: a record joins a cluster only if it scores at least the review threshold
// with EVERY member (complete linkage, merged greedily from the strongest pair down). A→B and B→C with A≁C give
// {A,B} and {C}, not {A,B,C}. Leads vs contacts are a star instead: each lead joins its best-matching contact.
import type { FeatureTable } from "./features.ts";
import type { PairList } from "./pairs.ts";
import type { Scorer } from "./scorer.ts";
import { toProbability } from "./weights.ts";

export interface Cluster {
  /** Record indexes, the lowest first. */
  members: number[];
  /** The weakest pair inside the cluster (what the thresholds apply to). */
  score: number;
  pairs: Array<{ a: number; b: number; score: number }>;
}

const pairKey = (a: number, b: number) => (a < b ? a * 2 ** 26 + b : b * 2 ** 26 + a);

export interface ClusterOptions {
  threshold: number;
  /** Pairs a person said are not duplicates, as pairKey values. */
  excluded?: Set<number>;
}

export { pairKey };

/** Groups scored pairs (all ≥ threshold are used) into clusters. */
export function clusterPairs(t: FeatureTable, pairs: PairList, scorer: Scorer, options: ClusterOptions): Cluster[] {
  const { threshold } = options;
  const excluded = options.excluded ?? new Set<number>();
  const edges: number[] = [];
  const known = new Map<number, number>();
  for (let e = 0; e < pairs.a.length; e++) {
    if (pairs.score[e]! < threshold) continue;
    const key = pairKey(pairs.a[e]!, pairs.b[e]!);
    if (excluded.has(key)) continue;
    known.set(key, pairs.score[e]!);
    edges.push(e);
  }
  edges.sort((x, y) => pairs.score[y]! - pairs.score[x]! || pairs.a[x]! - pairs.a[y]!);
  if (t.entity === "lead_contact") return starClusters(t, pairs, edges);

  const scoreOf = (a: number, b: number): number => {
    const key = pairKey(a, b);
    if (excluded.has(key)) return 0;
    let s = known.get(key);
    if (s === undefined) {
      s = toProbability(scorer.score(Math.min(a, b), Math.max(a, b), -Infinity));
      known.set(key, s);
    }
    return s;
  };
  const clusterOf = new Map<number, number[]>();
  for (const e of edges) {
    const a = pairs.a[e]!;
    const b = pairs.b[e]!;
    const ca = clusterOf.get(a) ?? [a];
    const cb = clusterOf.get(b) ?? [b];
    if (ca === cb) continue;
    let ok = true;
    for (const x of ca) {
      for (const y of cb) if (scoreOf(x, y) < threshold) ok = false;
      if (!ok) break;
    }
    if (!ok) continue;
    const merged = [...ca, ...cb];
    for (const m of merged) clusterOf.set(m, merged);
  }
  const seen = new Set<number[]>();
  const out: Cluster[] = [];
  for (const members of clusterOf.values()) {
    if (seen.has(members)) continue;
    seen.add(members);
    members.sort((x, y) => x - y);
    const inner: Cluster["pairs"] = [];
    let min = 1;
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const s = scoreOf(members[x]!, members[y]!);
        inner.push({ a: members[x]!, b: members[y]!, score: s });
        min = Math.min(min, s);
      }
    }
    out.push({ members, score: min, pairs: inner });
  }
  return out.sort((x, y) => y.score - x.score || x.members[0]! - y.members[0]!);
}

function starClusters(t: FeatureTable, pairs: PairList, edges: number[]): Cluster[] {
  const taken = new Set<number>();
  const byContact = new Map<number, Cluster>();
  for (const e of edges) {
    const a = pairs.a[e]!;
    const b = pairs.b[e]!;
    const [lead, contact] = t.side[a] === 1 ? [a, b] : [b, a];
    if (taken.has(lead)) continue; // edges come best first: the lead already joined its best contact
    taken.add(lead);
    let cluster = byContact.get(contact);
    if (!cluster) byContact.set(contact, (cluster = { members: [contact], score: 1, pairs: [] }));
    cluster.members.push(lead);
    cluster.pairs.push({ a: Math.min(a, b), b: Math.max(a, b), score: pairs.score[e]! });
    cluster.score = Math.min(cluster.score, pairs.score[e]!);
  }
  return [...byContact.values()].sort((x, y) => y.score - x.score || x.members[0]! - y.members[0]!);
}
