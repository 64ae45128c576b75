/** One CSV cell: null is empty; a value with a quote, delimiter or line break is quoted (RFC 4180). */
export function csvCell(value: string | null | undefined): string {
  if (value == null || value === "") return "";
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV line, CRLF-free (`\n`), as spreadsheet apps and csv-parse both read it. */
export function csvLine(values: readonly (string | null | undefined)[]): string {
  return `${values.map(csvCell).join(",")}\n`;
}
