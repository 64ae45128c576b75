/**
 * One problem with one row of a file. `row` is the 1-based data row: the header is not counted, so the
 * first row under the header is row 1 (spreadsheet row 2). `column` is the header as written in the file
 * (null when the problem is the whole row).
 */
export interface RowError {
  row: number;
  column: string | null;
  value: string | null;
  message: string;
}

export const DEFAULT_MAX_ERRORS = 1000;

/** Keeps the first `max` errors and counts the rest, so a file of a million bad rows stays small in memory. */
export class ErrorLog {
  readonly max: number;
  readonly kept: RowError[] = [];
  total = 0;
  invalidRows = 0;
  constructor(max: number = DEFAULT_MAX_ERRORS) {
    this.max = max;
  }
  /** Adds the errors of one row (counted once as an invalid row). */
  addRow(errors: readonly RowError[]): void {
    if (errors.length === 0) return;
    this.invalidRows += 1;
    for (const error of errors) {
      this.total += 1;
      if (this.kept.length < this.max) this.kept.push(error);
    }
  }
  /** Adds errors of several rows, grouped by row. */
  addRows(errors: readonly RowError[]): void {
    const byRow = new Map<number, RowError[]>();
    for (const e of errors) {
      const list = byRow.get(e.row);
      if (list) list.push(e);
      else byRow.set(e.row, [e]);
    }
    for (const rowErrors of byRow.values()) this.addRow(rowErrors);
  }
  /** The kept errors in row order. */
  sorted(): RowError[] {
    return [...this.kept].sort((a, b) => a.row - b.row);
  }
}
