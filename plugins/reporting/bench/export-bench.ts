// The export part of `pnpm bench reporting` (bench/reporting.bench.ts calls runExportBench): a full-size CSV
// export of activities through the report exporter, its rows/s and this process's peak memory, next to
// Postgres's own `COPY (select …) TO STDOUT` of the same rows in the same run; and XLSX rows/s on a smaller
// size. Read-only on core data. Standalone: `node bench/export-bench.ts` (EXPORT_ROWS, XLSX_ROWS, SCALE).
import { Writable } from "node:stream";
import { openSeededBenchDatabase } from "@opsdeck/core/testing";
import type { OpenedDatabase } from "@opsdeck/db";
import { queryRows } from "@opsdeck/db";
import { sql } from "drizzle-orm";
import { exportReport, type ExportFormat } from "../src/exports/export-report.ts";
import { CORE_DATASETS } from "../src/reports/datasets.ts";

const COLUMNS = ["type", "subject", "occurred_at", "duration_minutes", "owner_name"];

/** A sink that counts bytes and throws them away. */
function countingSink() {
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  return { sink, bytes: () => bytes };
}

/** Samples RSS while `fn` runs; returns its result, the time and the peak RSS above the start. */
async function measure<T>(fn: () => Promise<T>) {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  try {
    const result = await fn();
    return { result, ms: performance.now() - t0, peakMb: peak / 2 ** 20, growthMb: (peak - start) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

async function exportOnce(opened: OpenedDatabase, organizationId: string, org: { currency: string }, format: ExportFormat, rows: number) {
  const ctx = {
    tenant: { db: opened.db, organizationId, actorUserId: null },
    organization: { id: organizationId, slug: "bench", name: "bench", currency: org.currency, fiscalYearStartMonth: 1, timeZone: "UTC" },
  };
  const { sink, bytes } = countingSink();
  const m = await measure(() => exportReport(ctx, CORE_DATASETS, { entity: "activities", columns: COLUMNS }, format, sink, { maxRows: rows }));
  return { rows: m.result.rows, ms: m.ms, rowsPerSecond: Math.round(m.result.rows / (m.ms / 1000)), peakRssMb: Math.round(m.peakMb), rssGrowthMb: Math.round(m.growthMb), bytes: bytes() };
}

/** `COPY (the same rows) TO STDOUT` through postgres.js: the server's own speed for this read. */
async function copyBaseline(opened: OpenedDatabase, organizationId: string, rows: number) {
  if (opened.raw.backend !== "postgres") return null;
  const client = opened.raw.client;
  const t0 = performance.now();
  let bytes = 0;
  const stream = await client
    .unsafe(
      `copy (select r.type, r.subject, r.occurred_at, r.duration_minutes, ou.name from core.activities r left join core.users ou on ou.id = r.owner_id
        where r.organization_id = '${organizationId}' and r.deleted_at is null order by r.id limit ${rows}) to stdout with (format csv, header)`,
    )
    .readable();
  for await (const chunk of stream as AsyncIterable<Buffer>) bytes += chunk.length;
  const ms = performance.now() - t0;
  return { rows, ms, rowsPerSecond: Math.round(rows / (ms / 1000)), bytes };
}

export interface ExportBenchResult {
  csv: Awaited<ReturnType<typeof exportOnce>>;
  copyBaseline: Awaited<ReturnType<typeof copyBaseline>>;
  xlsx: Awaited<ReturnType<typeof exportOnce>>;
}

/** Runs the export benchmark on an opened, seeded database and prints its figures. */
export async function runExportBench(opened: OpenedDatabase, organizationId: string, options: { rows?: number; xlsxRows?: number; print?: (line: string) => void } = {}): Promise<ExportBenchResult> {
  const print = options.print ?? ((line: string) => console.log(line));
  const rows = options.rows ?? 1_000_000;
  const xlsxRows = options.xlsxRows ?? 100_000;
  const [org] = await queryRows<{ currency: string }>(opened.db, sql`select currency from core.organizations where id = ${organizationId}::uuid`);
  const csv = await exportOnce(opened, organizationId, org ?? { currency: "USD" }, "csv", rows);
  print(`export csv   ${csv.rows.toLocaleString("en-US")} rows in ${(csv.ms / 1000).toFixed(1)} s: ${csv.rowsPerSecond.toLocaleString("en-US")} rows/s, ${(csv.bytes / 2 ** 20).toFixed(0)} MB; peak RSS ${csv.peakRssMb} MB (+${csv.rssGrowthMb} MB)`);
  const baseline = await copyBaseline(opened, organizationId, csv.rows);
  if (baseline) print(`baseline     COPY (select …) TO STDOUT of the same rows: ${baseline.rowsPerSecond.toLocaleString("en-US")} rows/s → export at ${Math.round((csv.rowsPerSecond / baseline.rowsPerSecond) * 100)}% of COPY`);
  const xlsx = await exportOnce(opened, organizationId, org ?? { currency: "USD" }, "xlsx", xlsxRows);
  print(`export xlsx  ${xlsx.rows.toLocaleString("en-US")} rows in ${(xlsx.ms / 1000).toFixed(1)} s: ${xlsx.rowsPerSecond.toLocaleString("en-US")} rows/s; peak RSS ${xlsx.peakRssMb} MB (+${xlsx.rssGrowthMb} MB)`);
  return { csv, copyBaseline: baseline, xlsx };
}

if (import.meta.main) {
  const scale = (process.env.SCALE ?? "large") as "large";
  const bench = await openSeededBenchDatabase({ scale });
  try {
    await runExportBench(bench.opened, bench.organizationId, { rows: Number(process.env.EXPORT_ROWS ?? 1_000_000), xlsxRows: Number(process.env.XLSX_ROWS ?? 100_000) });
  } finally {
    await bench.opened.close();
  }
}
