// "Preview the effect" of matching rules: run them on a sample of the organization's records and show how many
// pairs and clusters each threshold would give, with examples around the review threshold.
import type { TenantContext } from "@opsdeck/core";
import { matchFeatures } from "../matching/engine.ts";
import { addRow, emptyFeatures } from "../matching/features.ts";
import type { MatchRow } from "../matching/features.ts";
import { streamMatchRows } from "../matching/load.ts";
import type { DuplicateEntity, MatchingRules } from "../matching/rules.ts";

export const PREVIEW_THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99] as const;

export async function previewRules(ctx: TenantContext, entity: DuplicateEntity, rules: MatchingRules, options: { sample?: number; defaultCountry?: string } = {}) {
  const sample = options.sample ?? 5000;
  const t = emptyFeatures(entity, rules.comparisons, options.defaultCountry);
  // The first records by id: the seed and most imports write an account's people together, so a contiguous
  // slice keeps duplicates with their originals far better than a random sample would.
  const rows: MatchRow[] = [];
  await streamMatchRows(ctx, entity, (r) => {
    rows.push(r);
    addRow(t, r);
  }, { batch: Math.min(sample, 20_000), limit: sample });
  const floor = Math.min(0.5, rules.reviewThreshold);
  const run = await matchFeatures(t, { ...rules, reviewThreshold: Math.max(rules.reviewThreshold, floor) }, { floor });
  const counts = PREVIEW_THRESHOLDS.map((threshold) => ({ threshold, pairs: run.pairs.score.filter((s) => s >= threshold).length }));
  const order = run.pairs.score.map((s, e) => ({ s, e })).sort((a, b) => Math.abs(a.s - rules.reviewThreshold) - Math.abs(b.s - rules.reviewThreshold));
  const examples = order.slice(0, 6).map(({ e }) => {
    const a = run.pairs.a[e]!;
    const b = run.pairs.b[e]!;
    return {
      score: run.pairs.score[e]!,
      a: { id: t.ids[a]!, label: label(rows[a]) },
      b: { id: t.ids[b]!, label: label(rows[b]) },
      outcomes: run.scorer.explain(a, b).outcomes,
    };
  });
  return {
    records: t.size,
    comparedPairs: run.stats.comparedPairs,
    allPairs: run.stats.allPairs,
    counts,
    reviewPairs: run.stats.pairsAboveReview,
    autoMergePairs: run.stats.pairsAboveAutoMerge,
    clusters: run.stats.clusters,
    clustersAboveAutoMerge: run.stats.clustersAboveAutoMerge,
    examples,
  };
}

function label(r: MatchRow | undefined): string {
  if (!r) return "";
  if (r.name) return r.name;
  return [r.firstName, r.lastName].filter(Boolean).join(" ") + (r.email ? ` <${r.email}>` : "");
}
