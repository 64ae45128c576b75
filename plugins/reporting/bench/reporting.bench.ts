// `pnpm bench reporting [--iterations N] [--baseline-iterations N] [--skip-export] [--reuse-aggregates]`
// On the large demo seed (PostgreSQL, shared with other benchmarks): migrates the plugin's schema, builds the
// aggregates from scratch (prints how long), then times the executive dashboard as the page asks for it (the KPI
// answer and its three breakdowns, in parallel) from the aggregates — p50/p95, goal p95 < 300 ms — next to the
// same KPIs computed by plain queries over core's tables in the same run (goal: aggregates ≥ 10× faster), checks
// both give the same numbers, then runs the export benchmark (bench/export-bench.ts). Writes only to the
// plugin's own schema.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { systemContext } from "@opsdeck/core";
import { openSeededBenchDatabase } from "@opsdeck/core/testing";
import { migrateSchema, queryRows, type OpenedDatabase } from "@opsdeck/db";
import { sql } from "drizzle-orm";
import { rebuildAggregates, refreshAggregates } from "../src/aggregates/maintain.ts";
import { breakdown } from "../src/kpis/breakdowns.ts";
import type { KpiFilters } from "../src/kpis/filters.ts";
import { computeKpis, type KpiContext } from "../src/kpis/service.ts";

const { values: args } = parseArgs({
  options: {
    iterations: { type: "string", default: "40" },
    "baseline-iterations": { type: "string", default: "5" },
    "skip-export": { type: "boolean", default: false },
    /** Keep aggregates an earlier run built (to iterate on queries without a full build). */
    "reuse-aggregates": { type: "boolean", default: false },
  },
});
const ITERATIONS = Number(args.iterations);
const BASELINE_ITERATIONS = Number(args["baseline-iterations"]);

const print = (line = "") => process.stdout.write(`${line}\n`);
const ms = (v: number) => `${v.toFixed(1)} ms`;
function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
async function time<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

/** Applies the plugin's migration; a schema left by an older, regenerated development migration is recreated. */
async function migratePlugin(opened: OpenedDatabase) {
  const folder = path.resolve(import.meta.dirname, "../drizzle");
  try {
    return await migrateSchema(opened.db, { schema: "plugin_reporting", migrationsFolder: folder });
  } catch (err) {
    print(`  migration failed (${(err as Error).message.split("\n")[0]}); recreating plugin_reporting (the plugin's own schema only)`);
    await opened.db.execute(sql.raw(`drop schema if exists plugin_reporting cascade; drop table if exists opsdeck_migrations."plugin_reporting"`));
    return migrateSchema(opened.db, { schema: "plugin_reporting", migrationsFolder: folder });
  }
}

async function main() {
  print("reporting bench: large seed on PostgreSQL");
  const t0 = performance.now();
  const bench = await openSeededBenchDatabase({ scale: "large", maxConnections: 8 });
  const { opened, organizationId } = bench;
  print(`  database ${bench.name} (${bench.seeded ? `seeded in ${(bench.seedMs / 1000).toFixed(0)} s` : "reused"}) in ${ms(performance.now() - t0)}`);
  const [counts] = await queryRows<Record<string, string | number>>(
    opened.db,
    sql`select (select count(*) from core.opportunities where organization_id = ${organizationId}::uuid) as opportunities,
      (select count(*) from core.leads where organization_id = ${organizationId}::uuid) as leads,
      (select count(*) from core.activities where organization_id = ${organizationId}::uuid) as activities`,
  );
  print(`  ${counts!.opportunities} opportunities, ${counts!.leads} leads, ${counts!.activities} activities`);
  await migratePlugin(opened);

  const [org] = await queryRows<{ currency: string; time_zone: string; fiscal_year_start_month: number; slug: string; name: string }>(
    opened.db,
    sql`select slug, name, currency, time_zone, fiscal_year_start_month from core.organizations where id = ${organizationId}::uuid`,
  );
  const ctx: KpiContext = {
    db: opened.db,
    tenant: { ...systemContext(opened.db, organizationId), role: "owner" },
    organization: { id: organizationId, slug: org!.slug, name: org!.name, currency: org!.currency, fiscalYearStartMonth: Number(org!.fiscal_year_start_month), timeZone: org!.time_zone },
    // The benchmark asks for no background refresh: the aggregates were just built.
    jobs: { enqueue: () => Promise.resolve({} as never) },
  };

  // The executive dashboard's default period: the current calendar quarter (the seed ends today).
  const now = new Date();
  const q = Math.floor(now.getUTCMonth() / 3);
  const filters: KpiFilters = {
    from: new Date(Date.UTC(now.getUTCFullYear(), q * 3, 1)).toISOString().slice(0, 10),
    to: new Date(Date.UTC(now.getUTCFullYear(), q * 3 + 3, 0)).toISOString().slice(0, 10),
  };
  print(`  period ${filters.from} … ${filters.to}`);

  const [built] = await queryRows(opened.db, sql`select 1 from plugin_reporting.metric_state where organization_id = ${organizationId}::uuid and built_at is not null`);
  if (args["reuse-aggregates"] && built) print("\nreusing the aggregates of an earlier run (--reuse-aggregates)");
  else {
    print("\ninitial build of the aggregates");
    const build = await time(() => rebuildAggregates(opened.db, organizationId));
    print(`  built in ${(build.ms / 1000).toFixed(1)} s`);
  }
  const [sizes] = await queryRows<Record<string, string | number>>(
    opened.db,
    sql`select (select count(*) from plugin_reporting.opportunity_daily where organization_id = ${organizationId}::uuid) as opportunity_daily,
      (select count(*) from plugin_reporting.opportunity_open where organization_id = ${organizationId}::uuid) as opportunity_open,
      (select count(*) from plugin_reporting.lead_daily where organization_id = ${organizationId}::uuid) as lead_daily,
      (select count(*) from plugin_reporting.activity_daily where organization_id = ${organizationId}::uuid) as activity_daily`,
  );
  print(`  aggregate rows: ${Object.entries(sizes!).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  await opened.db.execute(sql.raw("analyze plugin_reporting.opportunity_daily, plugin_reporting.opportunity_open, plugin_reporting.lead_daily, plugin_reporting.activity_daily"));

  const dashboard = () =>
    Promise.all([
      computeKpis(ctx, filters),
      breakdown(ctx, { kind: "won_over_time", filters }),
      breakdown(ctx, { kind: "pipeline_by_stage", filters }),
      breakdown(ctx, { kind: "by_team", filters }),
    ]);

  print(`\nexecutive dashboard from the aggregates (${ITERATIONS} runs after 3 warm-ups)`);
  for (let i = 0; i < 3; i++) await dashboard();
  const fast: number[] = [];
  const kpisOnly: number[] = [];
  let answer: Awaited<ReturnType<typeof computeKpis>> | undefined;
  for (let i = 0; i < ITERATIONS; i++) {
    fast.push((await time(dashboard)).ms);
    const k = await time(() => computeKpis(ctx, filters));
    kpisOnly.push(k.ms);
    answer = k.value;
  }
  print(`  whole dashboard (KPIs + 3 breakdowns): p50 ${ms(percentile(fast, 50))}, p95 ${ms(percentile(fast, 95))}  (goal p95 < 300 ms)`);
  print(`  KPI answer alone:                      p50 ${ms(percentile(kpisOnly, 50))}, p95 ${ms(percentile(kpisOnly, 95))}`);

  print(`\nthe same KPIs by plain queries over core's tables (${BASELINE_ITERATIONS} runs after 1 warm-up)`);
  const live = await computeKpis(ctx, filters, { source: "live" });
  const slow: number[] = [];
  for (let i = 0; i < BASELINE_ITERATIONS; i++) slow.push((await time(() => computeKpis(ctx, filters, { source: "live" }))).ms);
  print(`  KPI answer from base tables:           p50 ${ms(percentile(slow, 50))}, p95 ${ms(percentile(slow, 95))}`);
  const same = JSON.stringify(live.kpis) === JSON.stringify(answer!.kpis);
  print(`  same numbers from both: ${same ? "yes" : "NO"}${same ? "" : `\n    aggregates ${JSON.stringify(answer!.kpis)}\n    base       ${JSON.stringify(live.kpis)}`}`);
  print(`  speed-up (p50 base ÷ p50 aggregates, KPI answer): ${(percentile(slow, 50) / percentile(kpisOnly, 50)).toFixed(1)}×  (goal ≥ 10×)`);
  const k = answer!.kpis;
  print(`  closed won ${JSON.stringify(k.closed_won_amount)} ${answer!.currency} in ${JSON.stringify(k.closed_won_count)} deals, pipeline ${JSON.stringify(k.pipeline_value)}`);

  print("\nincremental sweep (what the refresh job does every 5 minutes)");
  const sweep = await time(() => refreshAggregates(opened.db, organizationId));
  print(`  ${sweep.value.mode}: ${sweep.value.records} records re-derived in ${ms(sweep.ms)}`);

  if (!args["skip-export"]) {
    const exportBench = path.resolve(import.meta.dirname, "export-bench.ts");
    if (fs.existsSync(exportBench)) {
      print("\nexport (bench/export-bench.ts)");
      const mod = (await import(pathToFileURL(exportBench).href)) as { runExportBench?: (o: OpenedDatabase, id: string) => Promise<unknown> };
      if (mod.runExportBench) await mod.runExportBench(opened, organizationId);
      else print("  bench/export-bench.ts exports no runExportBench: skipped");
    } else print("\nexport: bench/export-bench.ts is not there yet: skipped");
  }
  await opened.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
