// Candidate pairs: walk each blocking pass block by block, compare the pairs not already compared in an earlier
// pass, keep those scoring at least the floor.
import { computePasses, groupByKey } from "./blocking.ts";
import type { FeatureTable } from "./features.ts";
import type { MatchingRules } from "./rules.ts";
import type { Scorer } from "./scorer.ts";
import { toBits, toProbability } from "./weights.ts";

/** Scored pairs as parallel arrays (a < b are record indexes of the feature table). */
export interface PairList {
  a: number[];
  b: number[];
  score: number[];
}

export interface PassStats {
  name: string;
  blocks: number;
  compared: number;
  skippedBlocks: number;
  skippedRecords: number;
}

export interface PairStats {
  records: number;
  comparedPairs: number;
  /** All pairs the records could form (between the two sides for leads vs contacts). */
  allPairs: number;
  passes: PassStats[];
}

export interface FindPairsOptions {
  /** Keep pairs scoring at least this probability (default: the review threshold). */
  floor?: number;
  /** Called every few hundred thousand comparisons; may throw to cancel. */
  onProgress?: (done: number, total: number) => Promise<void> | void;
}

/**
 * Whether two records may be compared at all: leads only against contacts; an account is never a duplicate of
 * its parent, nor of a sibling under the same parent (branches share name and domain by design).
 */
export function comparable(t: FeatureTable, i: number, j: number): boolean {
  if (t.entity === "lead_contact" && t.side[i] === t.side[j]) return false;
  const pi = t.parent[i];
  const pj = t.parent[j];
  if ((pi && pi === t.ids[j]) || (pj && pj === t.ids[i]) || (pi && pi === pj)) return false;
  return true;
}

export function allPairsCount(t: FeatureTable): number {
  if (t.entity !== "lead_contact") return (t.size * (t.size - 1)) / 2;
  const leads = t.side.reduce((s, v) => s + v, 0);
  return leads * (t.size - leads);
}

/** Compares the candidate pairs of every blocking pass. */
export async function findPairs(t: FeatureTable, rules: MatchingRules, scorer: Scorer, options: FindPairsOptions = {}): Promise<{ pairs: PairList; stats: PairStats }> {
  const floorBits = toBits(options.floor ?? rules.reviewThreshold);
  const passes = computePasses(t, rules.blocking);
  const cap = rules.maxBlockSize;
  const pairs: PairList = { a: [], b: [], score: [] };
  const stats: PairStats = { records: t.size, comparedPairs: 0, allPairs: allPairsCount(t), passes: [] };
  // Work estimate for progress: the pairs inside every block under the cap.
  let total = 0;
  for (const p of passes) for (const s of p.sizes) if (s <= cap) total += (s * (s - 1)) / 2;
  let done = 0;
  let nextReport = 250_000;
  for (let p = 0; p < passes.length; p++) {
    const pass = passes[p]!;
    const { order, start } = groupByKey(pass);
    const ps: PassStats = { name: pass.name, blocks: 0, compared: 0, skippedBlocks: 0, skippedRecords: 0 };
    for (let k = 0; k < pass.sizes.length; k++) {
      const size = pass.sizes[k]!;
      if (size < 2) continue;
      if (size > cap) {
        ps.skippedBlocks += 1;
        ps.skippedRecords += size;
        continue;
      }
      ps.blocks += 1;
      const from = start[k]!;
      const to = start[k + 1]!;
      for (let x = from; x < to; x++) {
        for (let y = x + 1; y < to; y++) {
          let i = order[x]!;
          let j = order[y]!;
          if (i > j) [i, j] = [j, i];
          if (comparedEarlier(passes, p, i, j, cap) || !comparable(t, i, j)) continue;
          ps.compared += 1;
          const bits = scorer.score(i, j, floorBits);
          if (bits >= floorBits) {
            pairs.a.push(i);
            pairs.b.push(j);
            pairs.score.push(toProbability(bits));
          }
        }
      }
      done += (size * (size - 1)) / 2;
      if (options.onProgress && done >= nextReport) {
        nextReport = done + 250_000;
        await options.onProgress(done, total);
      }
    }
    stats.comparedPairs += ps.compared;
    stats.passes.push(ps);
  }
  await options.onProgress?.(total, total);
  return { pairs, stats };
}

function comparedEarlier(passes: { keys: Int32Array; sizes: Int32Array }[], p: number, i: number, j: number, cap: number): boolean {
  for (let q = 0; q < p; q++) {
    const { keys, sizes } = passes[q]!;
    const k = keys[i]!;
    if (k >= 0 && k === keys[j] && sizes[k]! <= cap) return true;
  }
  return false;
}

/** Every pair compared, no blocking: the baseline the benchmark measures blocking against. */
export function findAllPairs(t: FeatureTable, rules: MatchingRules, scorer: Scorer, floor?: number): { pairs: PairList; compared: number } {
  const floorBits = toBits(floor ?? rules.reviewThreshold);
  const pairs: PairList = { a: [], b: [], score: [] };
  let compared = 0;
  for (let i = 0; i < t.size; i++) {
    for (let j = i + 1; j < t.size; j++) {
      if (!comparable(t, i, j)) continue;
      compared += 1;
      const bits = scorer.score(i, j, floorBits);
      if (bits >= floorBits) {
        pairs.a.push(i);
        pairs.b.push(j);
        pairs.score.push(toProbability(bits));
      }
    }
  }
  return { pairs, compared };
}
