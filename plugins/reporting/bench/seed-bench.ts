// Times the plugin's demo seed (`seedForecasts`: weekly pipeline snapshots and forecast calls) at large scale
// on the shared PostgreSQL bench database. Everything — the plugin's migration included — runs in one
// transaction that is rolled back, so the shared database is left exactly as it was for other benchmarks.
// Run: `cd plugins/reporting && node bench/seed-bench.ts` (SCALE=large by default).
import path from "node:path";
import { openSeededBenchDatabase } from "@opsdeck/core/testing";
import { migrateSchema, queryRows, type Database } from "@opsdeck/db";
import type { SeedScale } from "@opsdeck/plugin-sdk";
import { sql } from "drizzle-orm";
import { seedForecasts } from "../src/forecasts/seed.ts";

class Rollback extends Error {}

export interface SeedBenchResult {
  ms: number;
  snapshots: number;
  snapshotRows: number;
  submissions: number;
  openOpportunities: number;
}

/** Seeds the organization inside `db`'s transaction and reports the time; the caller rolls it back. */
async function seedOnce(tx: Database, organizationId: string, scale: SeedScale): Promise<SeedBenchResult> {
  const [org] = await queryRows<{ currency: string; fiscal_year_start_month: number; time_zone: string; slug: string; name: string }>(
    tx,
    sql`select currency, fiscal_year_start_month, time_zone, slug, name from core.organizations where id = ${organizationId}::uuid`,
  );
  const ctx = {
    tenant: { db: tx, organizationId, actorUserId: null },
    organization: { id: organizationId, slug: org!.slug, name: org!.name, currency: org!.currency, fiscalYearStartMonth: org!.fiscal_year_start_month, timeZone: org!.time_zone },
    settings: { snapshotWeekday: 1 },
  };
  const t0 = performance.now();
  const { snapshots, submissions } = await seedForecasts(ctx, scale);
  const ms = performance.now() - t0;
  const [counts] = await queryRows<{ rows: string; open: string }>(
    tx,
    sql`select (select count(*) from plugin_reporting.pipeline_snapshot_rows where organization_id = ${organizationId}::uuid)::text as rows,
               (select count(*) from core.opportunities where organization_id = ${organizationId}::uuid and not is_closed and deleted_at is null)::text as open`,
  );
  return { ms, snapshots, submissions, snapshotRows: Number(counts!.rows), openOpportunities: Number(counts!.open) };
}

/**
 * The plugin's tables as this build defines them, inside the caller's transaction. The shared database may
 * hold an older development build's migration (the one migration is regenerated while the plugin is built;
 * `pnpm bench reporting` recreates the schema then): the seed's tables are then used as they are, minus the
 * foreign key this build dropped from snapshot rows — a table only the seed and the forecasts pages use, so
 * no other benchmark waits on that lock. Nothing here outlives the rollback.
 */
async function prepareSchema(tx: Database, print: (line: string) => void) {
  try {
    await migrateSchema(tx, { schema: "plugin_reporting", migrationsFolder: path.join(import.meta.dirname, "../drizzle") });
  } catch (err) {
    print(`  plugin_reporting holds another build's migration (${(err as Error).message.split("\n")[0]}); seeding into its tables`);
    await tx.execute(sql`alter table plugin_reporting.pipeline_snapshot_rows drop constraint if exists pipeline_snapshot_rows_organization_id_organizations_id_fk`);
  }
}

/** Migrates the plugin's schema and seeds, all in a transaction it rolls back; prints and returns the figures. */
export async function runSeedBench(db: Database, organizationId: string, options: { scale?: SeedScale; print?: (line: string) => void } = {}): Promise<SeedBenchResult> {
  const print = options.print ?? ((line: string) => console.log(line));
  let result: SeedBenchResult | undefined;
  await db
    .transaction(async (tx) => {
      await prepareSchema(tx, print);
      // A seed runs once per organization: hide what an earlier run left (deleted here, rolled back below).
      await tx.execute(sql`delete from plugin_reporting.pipeline_snapshots where organization_id = ${organizationId}::uuid`);
      await tx.execute(sql`delete from plugin_reporting.forecast_submissions where organization_id = ${organizationId}::uuid`);
      result = await seedOnce(tx, organizationId, options.scale ?? "large");
      throw new Rollback();
    })
    .catch((err: unknown) => {
      if (!(err instanceof Rollback)) throw err;
    });
  const r = result!;
  print(
    `seed         ${(r.ms / 1000).toFixed(1)} s: ${r.snapshots} weekly snapshots (${r.snapshotRows.toLocaleString("en-US")} rows; ` +
      `${r.openOpportunities.toLocaleString("en-US")} open deals now) and ${r.submissions.toLocaleString("en-US")} forecast calls (rolled back)`,
  );
  return r;
}

if (import.meta.main) {
  const scale = (process.env.SCALE ?? "large") as "large";
  const bench = await openSeededBenchDatabase({ scale });
  try {
    await runSeedBench(bench.opened.db, bench.organizationId, { scale });
  } finally {
    await bench.opened.close();
  }
}
