import type { OpenedDatabase } from "@opsdeck/db";
import { generateBlock, type Block } from "./block.ts";
import type { SeedCopier } from "./copier.ts";
import { loadBlock, type CopyTimings } from "./loader.ts";
import type { GenState } from "./state.ts";

export type RecordCounts = Block["counts"];

/**
 * Generates the records block after block and loads each with COPY while the next one is generated, so
 * Node and the database work at the same time and at most two blocks are in memory. `onBlock` hears how
 * many accounts are loaded so far.
 */
export async function seedRecords(
  opened: OpenedDatabase,
  state: GenState,
  copier: SeedCopier,
  onBlock: (accountsLoaded: number) => void,
): Promise<{ counts: RecordCounts; generateMs: number; copyMs: CopyTimings }> {
  const { spec } = state;
  // Activities, the biggest table, load in two parts side by side on PostgreSQL (PGlite runs one query at a time).
  const parts = opened.backend === "postgres" ? 2 : 1;
  const counts: RecordCounts = { accounts: 0, contacts: 0, leads: 0, opportunities: 0, activities: 0, duplicates: 0 };
  const copyMs: CopyTimings = {};
  let generateMs = 0;
  let produced = 0;
  let inFlight: Promise<void> | null = null;
  try {
    while (produced < spec.accounts) {
      const started = performance.now();
      const block = await generateBlock(state, Math.min(spec.blockAccounts, spec.accounts - produced), parts);
      generateMs += performance.now() - started;
      produced += block.baseAccounts;
      await inFlight;
      const loaded = Math.min(produced, spec.accounts);
      inFlight = loadBlock(copier.copy, block, copyMs).then(() => onBlock(loaded));
      // Handled at the next `await inFlight`; this keeps Node from reporting it as unhandled meanwhile.
      inFlight.catch(() => {});
      for (const key of Object.keys(counts) as (keyof RecordCounts)[]) counts[key] += block.counts[key];
    }
    await inFlight;
  } finally {
    // On an error, let the load in flight finish before the caller cleans up behind it.
    await inFlight?.catch(() => {});
  }
  return { counts, generateMs, copyMs };
}
