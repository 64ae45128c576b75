import { once } from "node:events";
import type { Writable } from "node:stream";
import { sql, type SQL } from "drizzle-orm";
import { queryRows } from "@opsdeck/db";
import type { TenantContext } from "../domain/context.ts";
import { assertImportEntity, canonicalHeaders } from "../import/fields/index.ts";
import { csvLine } from "./csv-format.ts";
import { exportQueries } from "./export-queries.ts";

export interface ExportCsvOptions {
  /** Free text matched (case-insensitive) in the list's search columns. */
  search?: string | undefined;
  /** Only records owned by these users. */
  ownerIds?: string[] | undefined;
  /** Also soft-deleted records (users: deactivated members). */
  includeDeleted?: boolean | undefined;
  /** Rows per read (default 5000). */
  batchSize?: number | undefined;
  /** Start with a UTF-8 byte order mark (for Excel). */
  bom?: boolean | undefined;
  /** End the output stream when done (default true). */
  end?: boolean | undefined;
}

const FIRST_ID = "00000000-0000-0000-0000-000000000000";

/**
 * Streams one entity of the caller's organization as CSV with the canonical headers — the format
 * `importCsv` reads back unchanged. Reads in keyset-paginated batches, so memory stays flat.
 */
export async function exportCsv(
  ctx: TenantContext,
  /** One of IMPORT_ENTITIES (checked: BAD_REQUEST otherwise). */
  entity: string,
  output: Writable,
  options: ExportCsvOptions = {},
): Promise<{ rows: number }> {
  const checked = assertImportEntity(entity);
  const query = exportQueries[checked];
  const headers = canonicalHeaders(checked);
  const batchSize = options.batchSize ?? 5000;
  const write = async (chunk: string) => {
    if (!output.write(chunk)) await once(output, "drain");
  };
  const filters: SQL[] = [];
  if (!options.includeDeleted) filters.push(sql.raw(query.live));
  const search = options.search?.trim();
  if (search) {
    const like = `%${search.replace(/[%_\\]/g, "\\$&")}%`;
    filters.push(sql`(${sql.join(query.search.map((c) => sql`${sql.raw(c)} ilike ${like}`), sql` or `)})`);
  }
  if (options.ownerIds?.length && query.owner) {
    filters.push(
      sql`${sql.raw(query.owner)} in (select value::uuid from json_array_elements_text(${JSON.stringify(options.ownerIds)}::json))`,
    );
  }
  const select = sql.raw(
    ["r.id::text as _id", ...headers.map((h) => `${query.columns[h]} as "${h}"`)].join(", "),
  );
  let after = FIRST_ID;
  let rows = 0;
  await write(`${options.bom ? "\uFEFF" : ""}${csvLine(headers)}`);
  for (;;) {
    const where = sql.join(
      [sql`r.organization_id = ${ctx.organizationId}::uuid`, sql`r.id > ${after}::uuid`, ...filters],
      sql` and `,
    );
    const batch = await queryRows<Record<string, string | null>>(
      ctx.db,
      sql`select ${select} from ${sql.raw(query.from)} where ${where} order by r.id limit ${batchSize}`,
    );
    if (batch.length === 0) break;
    await write(batch.map((row) => csvLine(headers.map((h) => row[h] ?? null))).join(""));
    rows += batch.length;
    after = batch[batch.length - 1]!._id!;
    if (batch.length < batchSize) break;
  }
  if (options.end ?? true) {
    output.end();
    await once(output, "finish");
  }
  return { rows };
}
