import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@opsdeck/db";
import type { StagedRow } from "../row-parser.ts";
import type { SqlRowError } from "../staging.ts";

export interface MergeCounts {
  /** Rows that reached the merge (valid rows). */
  rows: number;
  created: number;
  updated: number;
}

export const noCounts = (): MergeCounts => ({ rows: 0, created: 0, updated: 0 });

export function addCounts(into: MergeCounts, more: MergeCounts): void {
  into.rows += more.rows;
  into.created += more.created;
  into.updated += more.updated;
}

/** What one batch (or the end of the file) did: counts of written rows and the errors found in SQL. */
export interface BatchOutcome {
  counts: MergeCounts;
  errors: SqlRowError[];
}

/** What the pipeline needs from an entity: stage a batch, check (and write) it, settle deferred rows. */
export interface EntityImporter {
  prepare(): Promise<void>;
  /** Loads a batch into the staging table (rows that failed parsing come marked `invalid`). */
  load(rows: readonly StagedRow[]): Promise<void>;
  /**
   * Checks the staged batch in SQL (duplicate keys, references) and, when `write`, merges its good rows
   * into the target table; then empties the stage. Rows waiting for a reference later in the file are
   * set aside either way.
   */
  process(write: boolean): Promise<BatchOutcome>;
  /** Settles the rows that waited for a reference later in the file; writes them when `write`. */
  finish(write: boolean): Promise<BatchOutcome>;
}

/** postgres.js parses json columns, PGlite may hand them back as text: accept both. */
export function parseJsonColumn<T>(value: T[] | string | null | undefined): T[] {
  if (value == null) return [];
  return typeof value === "string" ? (JSON.parse(value) as T[]) : value;
}

/** The parameters merge SQL may use. */
export interface MergeParams {
  org: string;
  currency: string;
}

/** Turns SQL text with `:org` / `:currency` (and `extra`) placeholders into a parameterized query. */
export function withParams(text: string, params: MergeParams, extra: Record<string, SQL> = {}): SQL {
  const names = ["org", "currency", ...Object.keys(extra)];
  const parts = text.split(new RegExp(`(?<!:):(${names.join("|")})\\b`));
  const chunks: SQL[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 0) chunks.push(sql.raw(part));
    else if (part === "org") chunks.push(sql`${params.org}::uuid`);
    else if (part === "currency") chunks.push(sql`${params.currency}::text`);
    else chunks.push(extra[part]!);
  });
  return sql.join(chunks, sql.raw(""));
}

export async function firstRow<T>(db: Database, query: SQL): Promise<T> {
  const result: unknown = await db.execute(query);
  const rows = Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? []);
  return rows[0] as T;
}
