import type { Column, Row, Table } from "@tanstack/react-table";
import { toCsv, type CsvCell } from "../lib/csv.ts";

/** The column's human name: meta.label, else a string header, else its id. */
export function columnLabel<TData>(column: Column<TData>): string {
  const header = column.columnDef.header;
  return column.columnDef.meta?.label ?? (typeof header === "string" ? header : column.id);
}

function cellValue<TData>(row: Row<TData>, column: Column<TData>): CsvCell {
  const exportValue = column.columnDef.meta?.exportValue;
  if (exportValue) return exportValue(row.original);
  const value: unknown = row.getValue(column.id);
  if (value === null || value === undefined) return value;
  if (
    typeof value === "string" ||
    typeof value === "number" ||
    typeof value === "boolean" ||
    typeof value === "bigint" ||
    value instanceof Date
  ) {
    return value;
  }
  // Decimal objects (decimal.js) print their exact value with toFixed(); plain objects become JSON.
  if (typeof (value as { toFixed?: unknown }).toFixed === "function") return (value as { toFixed(): string }).toFixed();
  return JSON.stringify(value);
}

/** The CSV of the given rows over the table's visible, exportable columns. */
export function tableToCsv<TData>(table: Table<TData>, rows: readonly Row<TData>[]): string {
  const columns = table
    .getVisibleLeafColumns()
    .filter((column) => column.id !== "__select" && column.columnDef.meta?.exportable !== false);
  return toCsv(
    columns.map((column) => columnLabel(column)),
    rows.map((row) => columns.map((column) => cellValue(row, column))),
  );
}
