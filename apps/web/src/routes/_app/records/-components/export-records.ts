import { downloadCsv, toCsv, type CsvCell } from "@opsdeck/ui";
import { coreClient } from "../../../../lib/trpc.ts";
import type { SearchableEntity } from "../../../../shell/record-label.ts";
import type { RecordsSearch } from "./records-query.ts";

const PAGE = 1000;
/** A browser download is no place for more; the CLI's `opsdeck export` streams any size. */
export const EXPORT_LIMIT = 100_000;

/** camelCase field → the snake_case header the importer reads back. */
const header = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Downloads every record matching the browser's search and sort as CSV (all fields, import-ready headers),
 * reading the list a thousand rows at a time.
 */
export async function exportRecords(entity: SearchableEntity, search: RecordsSearch, onProgress?: (rows: number, total: number) => void): Promise<number> {
  const rows: Record<string, unknown>[] = [];
  let total = 0;
  for (let offset = 0; offset < EXPORT_LIMIT; offset += PAGE) {
    const page = await coreClient.records.list.query({ entity, search: search.q || undefined, sort: search.sort, direction: search.dir, limit: PAGE, offset });
    total = page.total;
    rows.push(...(page.rows as Record<string, unknown>[]));
    onProgress?.(rows.length, Math.min(total, EXPORT_LIMIT));
    if (page.rows.length < PAGE || rows.length >= total) break;
  }
  const fields = Object.keys(rows[0] ?? {}).filter((f) => f !== "organizationId" && f !== "deletedAt");
  const cells = rows.map((row) => fields.map((f): CsvCell => {
    const value = row[f];
    return value instanceof Date || typeof value !== "object" || value === null ? (value as CsvCell) : JSON.stringify(value);
  }));
  downloadCsv(`${entity}-${new Date().toISOString().slice(0, 10)}`, toCsv(fields.map(header), cells));
  return rows.length;
}
