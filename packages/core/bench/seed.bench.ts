// `pnpm bench seed [--scale tiny|small|medium|large] [--url postgres://…/postgres] [--keep]`
// Creates a throwaway PostgreSQL database, migrates core, seeds the demo at the given scale (default large)
// and prints the time of each step, COPY time per table, rows/s, peak RSS and the database size. As a
// baseline measured in the same run (the machine is shared and noisy), it COPYs 500k activity-shaped rows
// into an unlogged table without indexes or foreign keys: the physical speed limit of COPY right now.
import os from "node:os";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows, type OpenedDatabase } from "@opsdeck/db";
import { migrateCore } from "../src/migrate.ts";
import { SEED_SCALES, seedDemo, type SeedScale, type SeedStep } from "../src/seed/index.ts";

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: {
    scale: { type: "string", default: "large" },
    url: { type: "string", default: process.env.OPSDECK_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres" },
    keep: { type: "boolean", default: false },
  },
});
if (!(SEED_SCALES as readonly string[]).includes(args.scale)) {
  console.error(`--scale must be one of ${SEED_SCALES.join(", ")}`);
  process.exit(2);
}
const scale = args.scale as SeedScale;
const name = `opsdeck_bench_seed_${process.pid}`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(" ");

async function baseline(opened: OpenedDatabase): Promise<number> {
  await opened.db.execute(sql.raw("create unlogged table bench_copy_baseline (like core.activities)"));
  const rows = 500_000;
  const org = "00000000-0000-8000-8000-000000000001";
  let csv = "";
  for (let i = 0; i < rows; i++) {
    const id = `00000000-0000-8007-8000-${String(i).padStart(12, "0")}`;
    csv += `${id},${org},call,Check-in call,2025-03-04 10:00:00+00,15,${org},${id},${id},,,2025-03-04 10:00:00+00,2025-03-04 10:00:00+00\n`;
  }
  const started = performance.now();
  await opened.copyCsv("bench_copy_baseline", ["id", "organization_id", "type", "subject", "occurred_at", "duration_minutes", "owner_id", "contact_id", "account_id", "opportunity_id", "lead_id", "created_at", "updated_at"], csv);
  const rate = rows / ((performance.now() - started) / 1000);
  await opened.db.execute(sql.raw("drop table bench_copy_baseline"));
  return rate;
}

const admin = await openDatabase({ url: args.url, maxConnections: 1 });
await admin.db.execute(sql.raw(`create database "${name}"`));
const url = new URL(args.url);
url.pathname = `/${name}`;
const opened = await openDatabase({ url: url.toString(), maxConnections: 6 });
try {
  console.log(`seed bench: scale ${scale} into ${name} on ${url.host} (${os.cpus().length} cores, load ${load()})`);
  await migrateCore(opened.db);
  const steps: { step: SeedStep; started: number }[] = [];
  let lastReport = 0;
  const result = await seedDemo(opened, {
    scale,
    slug: "acme",
    onProgress: (p) => {
      const now = performance.now();
      if (steps.at(-1)?.step !== p.step) steps.push({ step: p.step, started: now });
      if (p.step === "records" && (now - lastReport > 10_000 || p.done === p.total)) {
        lastReport = now;
        console.log(`  records: ${p.done.toLocaleString("en")} / ${p.total.toLocaleString("en")} accounts loaded`);
      }
    },
  });
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const rows = Object.entries(result.counts)
    .filter(([k]) => !["users", "teams"].includes(k))
    .reduce((sum, [, n]) => sum + n, 0);
  const [size] = await queryRows<{ size: string }>(opened.db, sql`select pg_size_pretty(pg_database_size(current_database())) as size`);
  const copyRate = await baseline(opened);
  const seedRate = rows / (result.durationMs / 1000);

  console.log("\nrows");
  for (const [k, n] of Object.entries(result.counts)) console.log(`  ${k.padEnd(16)} ${n.toLocaleString("en").padStart(11)}`);
  console.log("\nsteps (wall)");
  for (const [k, ms] of Object.entries(result.timings)) {
    if (!k.startsWith("copy_") && k !== "generate") console.log(`  ${k.padEnd(16)} ${s(ms).padStart(9)}`);
  }
  console.log("\ninside `records` (generation overlaps loading; COPY summed over parallel connections)");
  console.log(`  ${"generate".padEnd(22)} ${s(result.timings.generate ?? 0).padStart(9)}`);
  for (const [k, ms] of Object.entries(result.timings)) {
    if (k.startsWith("copy_")) console.log(`  ${k.padEnd(22)} ${s(ms).padStart(9)}`);
  }
  console.log("\nsummary");
  console.log(`  total               ${s(result.durationMs)}  (goal for large: under 180 s)`);
  console.log(`  rows/s              ${Math.round(seedRate).toLocaleString("en")} (${rows.toLocaleString("en")} rows)`);
  console.log(`  baseline COPY       ${Math.round(copyRate).toLocaleString("en")} rows/s into an unindexed table; seed at ${((100 * seedRate) / copyRate).toFixed(0)}% of it`);
  console.log(`  peak RSS            ${mb(peakRss)} (of this process, during the seed)`);
  console.log(`  database size       ${size?.size}`);
  console.log(`  load average        ${load()}`);
} finally {
  await opened.close();
  if (args.keep) console.log(`kept database ${name}`);
  else await admin.db.execute(sql.raw(`drop database if exists "${name}" with (force)`));
  await admin.close();
}
