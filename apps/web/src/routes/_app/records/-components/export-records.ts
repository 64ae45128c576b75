import type { SearchableEntity } from "../../../../shell/record-label.ts";
import type { RecordsSearch } from "./records-query.ts";

/**
 * Downloads every record matching the search as CSV with Opsdeck's import headers. The server streams it
 * (`GET /api/export/<entity>.csv`, core's `exportCsv`), so any size works and the file imports back as is.
 */
export function exportRecords(entity: SearchableEntity, search: RecordsSearch): void {
  const query = search.q ? `?search=${encodeURIComponent(search.q)}` : "";
  const link = document.createElement("a");
  link.href = `/api/export/${entity}.csv${query}`;
  link.download = "";
  document.body.append(link);
  link.click();
  link.remove();
}
