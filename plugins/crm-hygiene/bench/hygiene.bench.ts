// `pnpm bench hygiene [--entity contacts|accounts|leads|lead_contact] [--sample 20000] [--no-baseline]`
// A full duplicate scan of the large demo seed's contacts (≥1M) on the shared seeded PostgreSQL database:
// reads every record (keyset batches), builds compact features, compares the blocked candidate pairs, clusters,
// and saves clusters + the match-key index into the plugin's own schema (core data is only read). Prints
// records/s, pairs compared and their share of all pairs, peak RSS, and precision/recall/F1 against the seed's
// planted duplicates. Baseline in the same run: an all-pairs comparison of a 20k-record sample next to the
// blocked scan of the same sample. Goals on 2 cores: 1M scan < 2 minutes, < 2 GB.
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openSeededBenchDatabase } from "@opsdeck/core/testing";
import { migrateSchema } from "@opsdeck/db";
import { clusterPairs } from "../src/matching/cluster.ts";
import { evaluateClusters, type Quality } from "../src/matching/evaluate.ts";
import { addRow, emptyFeatures, type MatchRow } from "../src/matching/features.ts";
import { streamMatchRows } from "../src/matching/load.ts";
import { findAllPairs, findPairs } from "../src/matching/pairs.ts";
import { DEFAULT_RULES, duplicateEntity} from "../src/matching/rules.ts";
import { createScorer } from "../src/matching/scorer.ts";
import { runDuplicateScan } from "../src/duplicates/scan.ts";

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: {
    entity: { type: "string", default: "contacts" },
    sample: { type: "string", default: "20000" },
    "no-baseline": { type: "boolean", default: false },
  },
});
const entity = duplicateEntity.parse(args.entity);
const rules = DEFAULT_RULES[entity];
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const pct = (x: number) => `${(x * 100).toFixed(4)}%`;
const n = (x: number) => x.toLocaleString("en-US");
const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const q = (x: Quality | null) => (x ? `precision ${x.precision.toFixed(4)}  recall ${x.recall.toFixed(4)}  F1 ${x.f1.toFixed(4)}  (${n(x.correct)} of ${n(x.predictedPairs)} predicted pairs right, ${n(x.truePairs)} planted)` : "n/a");

console.log(`hygiene bench: ${entity}, ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
const bench = await openSeededBenchDatabase({ scale: "large", maxConnections: 4 });
const scope = { db: bench.opened.db, organizationId: bench.organizationId, actorUserId: null };
await migrateSchema(bench.opened.db, { schema: "plugin_crm_hygiene", migrationsFolder: path.join(import.meta.dirname, "../drizzle") });
console.log(`database ${bench.name} (${bench.seeded ? `seeded now in ${s(bench.seedMs)}` : "reused"})`);

// 1. The full scan as the job runs it: read, compare, cluster, then save clusters and the match-key index into
// plugin_crm_hygiene (core is only read).
const t0 = performance.now();
const scan = await runDuplicateScan(scope, entity, { rules, returnRun: true });
const scanMs = performance.now() - t0;
const stats = scan.stats;
const run = scan.run!;
const matchMs = stats.ms.load + stats.ms.pairs + stats.ms.cluster;
const queueMs = matchMs + stats.saveMs;
console.log(`\nfull scan of ${n(stats.records)} records: ${s(queueMs)} until the review queue is up to date (${n(Math.round(stats.records / (queueMs / 1000)))} records/s; goal < 120 s)`);
console.log(`  read + features ${s(stats.ms.load)}, compare ${s(stats.ms.pairs)}, cluster ${s(stats.ms.cluster)}, save ${n(stats.clusters)} clusters ${s(stats.saveMs)}`);
console.log(`  then the match-key index for new records brought up to date (${n(stats.keysWritten)} keys; only changed records are rewritten) in ${s(stats.indexMs)}; the whole job ${s(scanMs)}`);
console.log(`  pairs compared ${n(stats.comparedPairs)} of ${n(stats.allPairs)} possible (${pct(stats.comparedShare)}); ${n(Math.round(stats.comparedPairs / (stats.ms.pairs / 1000)))} comparisons/s`);
for (const p of stats.passes) console.log(`    pass ${p.name.padEnd(18)} ${n(p.blocks).padStart(9)} blocks  ${n(p.compared).padStart(11)} pairs  ${p.skippedBlocks} blocks over ${rules.maxBlockSize} skipped (${n(p.skippedRecords)} records)`);
console.log(`  ${n(stats.pairsAboveReview)} pairs ≥ review ${rules.reviewThreshold}, ${n(stats.clusters)} clusters (${n(stats.clustersAboveAutoMerge)} ≥ auto-merge ${rules.autoMergeThreshold})`);
console.log(`  quality vs planted duplicates: ${q(await evaluateClusters(scope, entity, run.features, run.clusters))}`);
console.log(`  peak RSS so far ${rssMb()} MB`);
scan.run = undefined;

// 3. Baseline: all pairs of a sample next to the blocked scan of the same sample.
if (!args["no-baseline"]) {
  const size = Number(args.sample);
  const sample = emptyFeatures(entity, rules.comparisons);
  const rows: MatchRow[] = [];
  await streamMatchRows(scope, entity, (r) => rows.push(r), { limit: size, batch: Math.min(size, 20_000) });
  for (const r of rows) addRow(sample, r);
  const scorer = createScorer(sample, rules);
  let started = performance.now();
  const blocked = await findPairs(sample, rules, scorer);
  const blockedMs = performance.now() - started;
  const blockedQ = await evaluateClusters(scope, entity, sample, clusterPairs(sample, blocked.pairs, scorer, { threshold: rules.reviewThreshold }));
  started = performance.now();
  const all = findAllPairs(sample, rules, scorer);
  const allMs = performance.now() - started;
  const allQ = await evaluateClusters(scope, entity, sample, clusterPairs(sample, all.pairs, scorer, { threshold: rules.reviewThreshold }));
  console.log(`\nbaseline on a ${n(sample.size)}-record sample (the first by id: accounts' people and their copies together):`);
  console.log(`  blocked:   ${n(blocked.stats.comparedPairs).padStart(12)} pairs in ${s(blockedMs)}  ${q(blockedQ)}`);
  console.log(`  all pairs: ${n(all.compared).padStart(12)} pairs in ${s(allMs)}  ${q(allQ)}  (${n(Math.round(all.compared / (allMs / 1000)))} comparisons/s)`);
  console.log(`  blocking compares ${pct(blocked.stats.comparedPairs / Math.max(all.compared, 1))} of the pairs and finds ${blockedQ && allQ ? ((blockedQ.correct / Math.max(allQ.correct, 1)) * 100).toFixed(1) : "?"}% of what all pairs find`);
}
console.log(`\npeak RSS ${rssMb()} MB (goal < 2048 MB)`);
await bench.opened.close();
