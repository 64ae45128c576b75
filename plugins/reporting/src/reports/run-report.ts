import { queryRows, toCount } from "@opsdeck/db";
import { sql } from "drizzle-orm";
import type { ReportsContext } from "./context.ts";
import { compileReport, formatValue, type ResultColumn } from "./compile.ts";
import { findDataset, type Dataset } from "./datasets.ts";
import { reportDefinitionSchema, type ReportDefinitionInput } from "./definition.ts";
import { visibleOwnerIds } from "./visibility.ts";

export type ResultRow = Record<string, string | number | boolean | null>;

export interface ReportResult {
  columns: ResultColumn[];
  rows: ResultRow[];
  /** Rows (or groups) in all, for the pager. */
  total: number;
  offset: number;
  limit: number;
}

/** Runs a report server-side, one page at a time, showing only rows the member may see. */
export async function runReport(
  ctx: ReportsContext,
  catalog: Dataset[],
  input: ReportDefinitionInput,
  page: { offset?: number; limit?: number } = {},
): Promise<ReportResult> {
  const def = reportDefinitionSchema.parse(input);
  const dataset = findDataset(catalog, def.entity);
  const compiled = compileReport(ctx, dataset, def, await visibleOwnerIds(ctx.tenant));
  const limit = Math.min(page.limit ?? 50, 1000);
  const offset = page.offset ?? 0;
  const grouping = compiled.groupBy ? sql` group by ${compiled.groupBy}` : sql``;
  const [rows, [count]] = await Promise.all([
    queryRows<Record<string, unknown>>(
      ctx.tenant.db,
      sql`select ${compiled.select} from ${compiled.from} where ${compiled.where}${grouping} order by ${compiled.orderBy} limit ${limit} offset ${offset}`,
    ),
    queryRows<{ n: unknown }>(
      ctx.tenant.db,
      compiled.groupBy
        ? sql`select count(*) as n from (select 1 from ${compiled.from} where ${compiled.where}${grouping}) g`
        : compiled.grouped
          ? sql`select 1 as n`
          : sql`select count(*) as n from ${compiled.from} where ${compiled.where}`,
    ),
  ]);
  return {
    columns: compiled.columns,
    rows: rows.map((r) => Object.fromEntries(compiled.columns.map((c) => [c.key, formatValue(c.type, r[c.key])]))),
    total: toCount(count?.n),
    offset,
    limit,
  };
}
