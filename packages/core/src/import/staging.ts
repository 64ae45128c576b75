import { randomBytes } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Database } from "@opsdeck/db";
import { pgTypeOf, type PgType } from "./fields/field-spec.ts";
import { IMPORT_FIELDS, type ImportEntity } from "./fields/index.ts";
import type { StagedRow } from "./row-parser.ts";

/** An error found in SQL, by field; the pipeline turns the field into the file's header. */
export interface SqlRowError {
  row_num: number;
  field: string;
  value: string | null;
  message: string;
}

/** Staging columns that are not fields of the file but derived from them. */
const derivedColumns: Partial<Record<ImportEntity, { name: string; pg: PgType }[]>> = {
  opportunities: [{ name: "is_closed", pg: "boolean" }],
};

/**
 * The temporary tables of one import, dropped with its transaction: the staging table a batch is loaded
 * into with one statement, and the table of keys already seen in the file (to catch duplicate rows).
 */
export class Staging {
  readonly entity: ImportEntity;
  readonly stageName: string;
  readonly seenName: string;
  readonly deferredName: string;
  readonly stage: SQL;
  readonly seen: SQL;
  readonly deferred: SQL;
  readonly columns: { name: string; pg: PgType }[];
  readonly keyField: string;
  constructor(entity: ImportEntity) {
    const suffix = randomBytes(6).toString("hex");
    this.entity = entity;
    this.stageName = `pg_temp.import_stage_${suffix}`;
    this.deferredName = `pg_temp.import_deferred_${suffix}`;
    this.stage = sql.raw(this.stageName);
    this.seenName = `pg_temp.import_seen_${suffix}`;
    this.seen = sql.raw(this.seenName);
    this.deferred = sql.raw(this.deferredName);
    this.columns = [
      { name: "row_num", pg: "int" },
      ...IMPORT_FIELDS[entity].map((f) => ({ name: f.name, pg: pgTypeOf[f.type] })),
      ...(derivedColumns[entity] ?? []),
      { name: "invalid", pg: "boolean" },
    ];
    this.keyField = entity === "users" ? "email" : "external_id";
  }

  columnList(): SQL {
    return sql.raw(this.columns.map((c) => `"${c.name}"`).join(", "));
  }

  columnDefs(): SQL {
    return sql.raw(this.columns.map((c) => `"${c.name}" ${c.pg}`).join(", "));
  }

  /** Creates the tables (they vanish at the end of the transaction). */
  async create(db: Database, options: { stage: boolean; deferred: boolean }): Promise<void> {
    if (options.stage) await db.execute(sql`create temp table ${this.stage} (${this.columnDefs()}) on commit drop`);
    await db.execute(sql`create temp table ${this.seen} (key text primary key, row_num int not null) on commit drop`);
    if (options.deferred) {
      await db.execute(
        sql`create temp table ${this.deferred} (${this.columnDefs()}, is_new boolean not null default false) on commit drop`,
      );
    }
  }

  /** Loads a batch in one statement and records its keys; a repeated key keeps its first row number. */
  async load(db: Database, rows: readonly StagedRow[]): Promise<void> {
    const key = sql.raw(`"${this.keyField}"`);
    await db.execute(sql`
      with loaded as (
        insert into ${this.stage} (${this.columnList()})
        select ${this.columnList()} from ${this.jsonRows(rows)}
        returning row_num, ${key} as key
      )
      insert into ${this.seen} (key, row_num)
      select key, row_num from loaded where key is not null order by row_num
      on conflict do nothing`);
  }

  /** A batch as a relation (`x`) for one statement: the rows, typed, decoded from one JSON parameter. */
  jsonRows(rows: readonly StagedRow[], alias = "x"): SQL {
    return sql`json_to_recordset(${JSON.stringify(rows)}::json) as ${sql.raw(alias)}(${this.columnDefs()})`;
  }

  /** The staged columns, comma-separated, for SQL built as text. */
  get columnNames(): string {
    return this.columns.map((c) => `"${c.name}"`).join(", ");
  }

  /** Rows of the batch whose key is already on an earlier row of the file (a check for `check`). */
  duplicateCheck(): SQL {
    const key = sql.raw(`s."${this.keyField}"`);
    return sql`select s.row_num, ${this.keyField} as field, ${key} as value,
        'the same ' || ${this.keyField} || ' is already on row ' || d.row_num as message
      from ${this.stage} s
      join lateral (select d.row_num from ${this.seen} d where d.key = ${key} limit 1) d on d.row_num <> s.row_num`;
  }

  /**
   * Runs checks (each a select of row_num, field, value, message), then drops from the batch the rows
   * they name and the rows that already failed in parsing.
   */
  async check(db: Database, checks: SQL[], hasInvalid: boolean): Promise<SqlRowError[]> {
    const errors = await queryRows<SqlRowError & Record<string, unknown>>(db, sql.join(checks, sql` union all `));
    if (errors.length || hasInvalid) {
      const rows = JSON.stringify([...new Set(errors.map((e) => e.row_num))]);
      await db.execute(
        sql`delete from ${this.stage}
          where invalid or row_num in (select value::int from json_array_elements_text(${rows}::json))`,
      );
    }
    return errors.map((e) => ({ ...e, row_num: Number(e.row_num) }));
  }

  /** Drops rows from the deferred table (they were reported as errors). */
  async dropDeferred(db: Database, rowNums: readonly number[]): Promise<void> {
    if (rowNums.length === 0) return;
    await db.execute(
      sql`delete from ${this.deferred}
        where row_num in (select value::int from json_array_elements_text(${JSON.stringify(rowNums)}::json))`,
    );
  }

  /** Moves the batch rows matching `where` (over alias `s`) to the deferred table. */
  async defer(db: Database, where: SQL): Promise<void> {
    await db.execute(sql`
      with moved as (delete from ${this.stage} s where ${where} returning s.*)
      insert into ${this.deferred} (${this.columnList()}) select ${this.columnList()} from moved`);
  }

  async clear(db: Database): Promise<void> {
    await db.execute(sql`truncate ${this.stage}`);
  }

  /**
   * Fixpoint over the deferred rows: drops (as errors) those whose reference resolves neither in the
   * table nor in the file. When writing, "in the file" means another deferred row still standing; when
   * only checking (all-or-nothing after a bad row, nothing merged) it means any key seen in the file.
   */
  async dropUnresolvedDeferred(
    db: Database,
    options: { field: string; resolves: SQL; message: string; writing: boolean },
  ): Promise<SqlRowError[]> {
    const col = sql.raw(`"${options.field}"`);
    const inFile = options.writing
      ? sql`exists (select 1 from ${this.deferred} o where o.${sql.raw(`"${this.keyField}"`)} = s.${col})`
      : sql`exists (select 1 from ${this.seen} o where o.key = s.${col})`;
    const dropped: SqlRowError[] = [];
    for (;;) {
      const rows = await queryRows<SqlRowError & Record<string, unknown>>(
        db,
        sql`delete from ${this.deferred} s
          where not (${options.resolves}) and not ${inFile}
          returning s.row_num, ${options.field} as field, s.${col} as value, ${options.message} as message`,
      );
      if (rows.length === 0) return dropped;
      dropped.push(...rows.map((r) => ({ ...r, row_num: Number(r.row_num) })));
    }
  }
}
