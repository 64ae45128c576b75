import type { Block } from "./block.ts";
import type { Copier } from "./copier.ts";
import { COLUMNS, type SeededTable } from "./csv.ts";

/** Milliseconds spent in COPY per table, summed over parallel loads. */
export type CopyTimings = Partial<Record<SeededTable, number>>;

/** Like Promise.all, but waits for every load to finish before failing, so nothing runs on after an error. */
async function settleAll(tasks: Promise<void>[]): Promise<void> {
  const results = await Promise.allSettled(tasks);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}

/**
 * Loads one block with COPY in foreign-key order: accounts; then contacts, leads and deals side by side;
 * then activities (in parts, side by side) and the planted-duplicate log. On PostgreSQL the parallel
 * loads use separate pooled connections; PGlite runs them one after the other.
 */
export async function loadBlock(copier: Copier, block: Block, timings: CopyTimings): Promise<void> {
  const copy = async (table: SeededTable, csv: string) => {
    if (!csv) return;
    const started = performance.now();
    await copier(`core.${table}`, COLUMNS[table], csv);
    timings[table] = (timings[table] ?? 0) + (performance.now() - started);
  };
  await copy("accounts", block.accounts);
  await settleAll([copy("contacts", block.contacts), copy("leads", block.leads), copy("opportunities", block.opportunities)]);
  await settleAll([...block.activities.map((part) => copy("activities", part)), copy("seed_duplicates", block.duplicates)]);
}
