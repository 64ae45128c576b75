import { stageInfo, type StageId } from "../domain/stages.ts";
import type { ImportEntity } from "./fields/index.ts";
import type { ResolvedMapping } from "./mapping.ts";
import { valueKey } from "./mapping.ts";
import type { RowError } from "./row-errors.ts";
import { InvalidValue, parseCell, type StagedValue } from "./values.ts";

/** A row ready for the staging table: field name → value, plus its row number. */
export type StagedRow = Record<string, StagedValue> & { row_num: number };

type Fail = (field: string, message: string) => void;
type RowRule = (row: StagedRow, mapping: ResolvedMapping, fail: Fail) => void;

/** Checks that need more than one cell, per entity. */
const rowRules: Partial<Record<ImportEntity, RowRule>> = {
  accounts(row, _mapping, fail) {
    if (row.parent_external_id != null && row.parent_external_id === row.external_id) {
      fail("parent_external_id", "an account cannot be its own parent");
    }
  },
  users(row, _mapping, fail) {
    if (typeof row.email === "string") row.email = row.email.trim().toLowerCase();
    if (typeof row.manager_email === "string") row.manager_email = row.manager_email.trim().toLowerCase();
    if (row.manager_email != null && row.manager_email === row.email) fail("manager_email", "a member cannot manage themselves");
  },
  opportunities(row, mapping, fail) {
    if (typeof row.stage !== "string") return;
    // The flags, probability and closed_at follow the stage (as in services/records.ts).
    const info = stageInfo(row.stage as StageId);
    if (mapping.mapped.has("is_won") && row.is_won != null && row.is_won !== info.won) {
      fail("is_won", `is ${String(row.is_won)} but the stage "${row.stage}" is ${info.won ? "won" : "not won"}`);
    }
    row.is_won = info.won;
    row.is_closed = info.closed;
    if (info.closed || row.probability == null) row.probability = info.probability;
    if (!info.closed) row.closed_at = null;
  },
};

/**
 * Reads one CSV record into a staging row, and its errors (every bad cell, each naming its column as
 * written in the file). A row with errors is still staged, without its bad cells and marked `invalid`,
 * so the SQL checks (references, duplicates) report its other problems in the same run.
 */
export function parseRecord(
  mapping: ResolvedMapping,
  rowNum: number,
  record: readonly string[],
): { row: StagedRow; errors: RowError[] | null } {
  const row = { row_num: rowNum } as StagedRow;
  let errors: RowError[] | null = null;
  const fail: Fail = (field, message) => {
    const column = mapping.columns.find((c) => c.field.name === field);
    const raw = column ? (record[column.index] ?? "") : null;
    (errors ??= []).push({ row: rowNum, column: column?.header ?? field, value: raw, message });
  };
  if (record.length > mapping.headers.length) {
    const extra = record.slice(mapping.headers.length);
    if (extra.some((cell) => cell !== "")) {
      (errors ??= []).push({
        row: rowNum,
        column: null,
        value: null,
        message: `has ${record.length} cells but the header has ${mapping.headers.length} columns`,
      });
    }
  }
  for (const column of mapping.columns) {
    let raw = record[column.index] ?? "";
    const valueMap = mapping.values.get(column.field.name);
    if (valueMap && raw !== "") raw = valueMap.get(valueKey(raw)) ?? raw;
    const value = parseCell(column.field, raw);
    if (value instanceof InvalidValue) {
      (errors ??= []).push({ row: rowNum, column: column.header, value: record[column.index] ?? "", message: value.message });
      continue;
    }
    if (value === null && column.field.required) {
      (errors ??= []).push({ row: rowNum, column: column.header, value: raw, message: "is required" });
      continue;
    }
    row[column.field.name] = value;
  }
  if (!errors) rowRules[mapping.entity]?.(row, mapping, fail);
  if (errors) row.invalid = true;
  return { row, errors };
}
