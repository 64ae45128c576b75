export { exportCsv, type ExportCsvOptions } from "./export-csv.ts";
export { csvCell, csvLine } from "./csv-format.ts";
