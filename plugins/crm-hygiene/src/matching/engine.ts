// One matching run over an organization's records: load → features → candidate pairs → clusters.
import { clusterPairs, pairKey, type Cluster } from "./cluster.ts";
import { addRow, emptyFeatures, type FeatureTable } from "./features.ts";
import { streamMatchRows, type LoadScope } from "./load.ts";
import { findPairs, type PairList, type PairStats } from "./pairs.ts";
import type { DuplicateEntity, MatchingRules } from "./rules.ts";
import { createScorer, type Scorer } from "./scorer.ts";

export interface MatchRunStats extends PairStats {
  /** Share of all pairs actually compared. */
  comparedShare: number;
  pairsAboveReview: number;
  pairsAboveAutoMerge: number;
  clusters: number;
  clustersAboveAutoMerge: number;
  recordsInClusters: number;
  ms: { load: number; pairs: number; cluster: number };
}

export interface MatchRun {
  features: FeatureTable;
  scorer: Scorer;
  pairs: PairList;
  clusters: Cluster[];
  stats: MatchRunStats;
}

export interface MatchRunOptions {
  defaultCountry?: string;
  /** Record-id pairs a person said are not duplicates. */
  notDuplicates?: Array<[string, string]>;
  /** Collect pairs down to this probability (preview); clusters still use the review threshold. */
  floor?: number;
  onProgress?: (phase: "load" | "compare", done: number, total: number) => Promise<void> | void;
}

/** Features of every record of the entity in the organization. */
export async function loadFeatures(scope: LoadScope, entity: DuplicateEntity, rules: MatchingRules, options: MatchRunOptions = {}): Promise<FeatureTable> {
  const t = emptyFeatures(entity, rules.comparisons, options.defaultCountry);
  await streamMatchRows(scope, entity, (row) => addRow(t, row), {
    onBatch: (loaded) => options.onProgress?.("load", loaded, 0),
  });
  return t;
}

/** Matches a loaded feature table. */
export async function matchFeatures(t: FeatureTable, rules: MatchingRules, options: MatchRunOptions = {}, loadMs = 0): Promise<MatchRun> {
  const started = performance.now();
  const scorer = createScorer(t, rules);
  const { pairs, stats } = await findPairs(t, rules, scorer, {
    floor: Math.min(options.floor ?? rules.reviewThreshold, rules.reviewThreshold),
    onProgress: (done, total) => options.onProgress?.("compare", done, total),
  });
  const compared = performance.now();
  const clusters = clusterPairs(t, pairs, scorer, { threshold: rules.reviewThreshold, excluded: excludedKeys(t, options.notDuplicates ?? []) });
  const clustered = performance.now();
  let above = 0;
  let auto = 0;
  for (const s of pairs.score) {
    if (s >= rules.reviewThreshold) above += 1;
    if (s >= rules.autoMergeThreshold) auto += 1;
  }
  return {
    features: t,
    scorer,
    pairs,
    clusters,
    stats: {
      ...stats,
      comparedShare: stats.allPairs ? stats.comparedPairs / stats.allPairs : 0,
      pairsAboveReview: above,
      pairsAboveAutoMerge: auto,
      clusters: clusters.length,
      clustersAboveAutoMerge: clusters.filter((c) => c.score >= rules.autoMergeThreshold).length,
      recordsInClusters: clusters.reduce((s, c) => s + c.members.length, 0),
      ms: { load: Math.round(loadMs), pairs: Math.round(compared - started), cluster: Math.round(clustered - compared) },
    },
  };
}

/** Loads and matches an entity. */
export async function runMatching(scope: LoadScope, entity: DuplicateEntity, rules: MatchingRules, options: MatchRunOptions = {}): Promise<MatchRun> {
  const started = performance.now();
  const t = await loadFeatures(scope, entity, rules, options);
  return matchFeatures(t, rules, options, performance.now() - started);
}

function excludedKeys(t: FeatureTable, pairs: Array<[string, string]>): Set<number> {
  const out = new Set<number>();
  if (!pairs.length) return out;
  const wanted = new Set(pairs.flat());
  const index = new Map<string, number>();
  t.ids.forEach((id, i) => {
    if (wanted.has(id)) index.set(id, i);
  });
  for (const [a, b] of pairs) {
    const i = index.get(a);
    const j = index.get(b);
    if (i !== undefined && j !== undefined) out.add(pairKey(i, j));
  }
  return out;
}
