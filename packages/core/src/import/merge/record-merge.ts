import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "@opsdeck/db";
import type { RecordEntity } from "../../domain/entities.ts";
import { IMPORT_FIELDS } from "../fields/index.ts";
import type { ResolvedMapping } from "../mapping.ts";
import type { StagedRow } from "../row-parser.ts";
import type { SqlRowError, Staging } from "../staging.ts";
import {
  addCounts,
  firstRow,
  noCounts,
  parseJsonColumn,
  withParams,
  type BatchOutcome,
  type EntityImporter,
  type MergeCounts,
  type MergeParams,
} from "./importer.ts";
import {
  batchSql,
  deferredCheckSql,
  deferredMergeSql,
  insertNewSql,
  selfResolvesSql,
  unresolvedSelfMessage,
  type RecordSqlContext,
} from "./record-sql.ts";
import { recordMergeSpecs } from "./record-specs.ts";

type MergeRow = MergeCounts & { errors: SqlRowError[] | string };

/** Imports accounts, contacts, leads, opportunities or activities, keyed by (organization, external_id). */
export class RecordImporter implements EntityImporter {
  private readonly db: Database;
  private readonly staging: Staging;
  private readonly params: MergeParams;
  private readonly sqlContext: RecordSqlContext;
  /** The batch handed to `load`, sent with `process`. */
  private batch: readonly StagedRow[] = [];

  constructor(db: Database, entity: RecordEntity, mapping: ResolvedMapping, staging: Staging, params: MergeParams) {
    this.db = db;
    this.staging = staging;
    this.params = params;
    this.sqlContext = {
      entity,
      spec: recordMergeSpecs[entity],
      mapped: mapping.mapped,
      members: `pg_temp.import_members_${randomBytes(6).toString("hex")}`,
      seen: staging.seenName,
      deferred: staging.deferredName,
      stagedColumns: staging.columnNames,
      textColumns: new Set(IMPORT_FIELDS[entity].filter((f) => f.type === "text" || f.type === "email").map((f) => f.name)),
    };
  }

  private q(text: string) {
    return withParams(text, this.params);
  }

  /** The self reference (account parent), when the file has it. */
  private get selfRef() {
    const ref = this.sqlContext.spec.selfRef;
    return ref && this.sqlContext.mapped.has(ref.field) ? ref : undefined;
  }

  async prepare(): Promise<void> {
    await this.staging.create(this.db, { stage: false, deferred: Boolean(this.selfRef) });
    if (!this.sqlContext.mapped.has("owner_email")) return;
    const members = this.sqlContext.members;
    // Owners resolve by email, or by full name when exactly one member has it (CRM exports write names).
    await this.db.execute(sql.raw(`create temp table ${members} (key text primary key, user_id uuid not null) on commit drop`));
    await this.db.execute(
      this.q(`insert into ${members}
        select lower(u.email), u.id from core.memberships m join core.users u on u.id = m.user_id
        where m.organization_id = :org
        on conflict do nothing`),
    );
    await this.db.execute(
      this.q(`insert into ${members}
        select lower(u.name), (array_agg(u.id))[1] from core.memberships m join core.users u on u.id = m.user_id
        where m.organization_id = :org group by lower(u.name) having count(*) = 1
        on conflict do nothing`),
    );
  }

  load(rows: readonly StagedRow[]): Promise<void> {
    // No staging table: the batch goes to the database as one JSON parameter of the statement that
    // records its keys, sets aside rows waiting for a parent, checks and writes it.
    this.batch = rows;
    return Promise.resolve();
  }

  async process(write: boolean): Promise<BatchOutcome> {
    const rows = this.staging.jsonRows(this.batch, "j");
    this.batch = [];
    const row = await firstRow<MergeRow>(this.db, withParams(batchSql(this.sqlContext, write), this.params, { rows }));
    return { counts: write ? countsOf(row) : noCounts(), errors: parseJsonColumn(row.errors) };
  }

  /**
   * Settles the rows that waited for a parent: drops those with other problems, then (a fixpoint) those
   * whose parent is neither in the table nor among the remaining rows; writes the rest when `write`:
   * new rows first without their parent, so every parent exists, then the full merge sets it.
   */
  async finish(write: boolean): Promise<BatchOutcome> {
    const ref = this.selfRef;
    if (!ref) return { counts: noCounts(), errors: [] };
    const checked = await firstRow<{ errors: SqlRowError[] | string }>(this.db, this.q(deferredCheckSql(this.sqlContext)));
    const errors = parseJsonColumn(checked.errors);
    await this.staging.dropDeferred(this.db, errors.map((e) => Number(e.row_num)));
    errors.push(
      ...(await this.staging.dropUnresolvedDeferred(this.db, {
        field: ref.field,
        resolves: this.q(selfResolvesSql(this.sqlContext)),
        message: unresolvedSelfMessage(this.sqlContext.entity),
        writing: write,
      })),
    );
    const counts = noCounts();
    if (write) {
      const inserted = await firstRow<{ created: number }>(this.db, this.q(insertNewSql(this.sqlContext)));
      const merged = await firstRow<MergeRow>(this.db, this.q(deferredMergeSql(this.sqlContext)));
      addCounts(counts, { rows: Number(merged.rows), created: Number(inserted.created), updated: Number(merged.updated) });
      errors.push(...parseJsonColumn(merged.errors));
    }
    return { counts, errors };
  }
}

function countsOf(row: MergeCounts): MergeCounts {
  return { rows: Number(row.rows), created: Number(row.created), updated: Number(row.updated) };
}
