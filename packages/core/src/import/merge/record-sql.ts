import type { RecordEntity } from "../../domain/entities.ts";
import type { RecordMergeSpec, TargetColumn } from "./record-specs.ts";

/**
 * A per-row lookup by index. The tables grow during an import and their statistics are stale inside
 * its transaction (empty, for a first import), so a plain join may be planned as a scan of the whole
 * organization per batch, quadratic over a big file; a LATERAL … LIMIT 1 is always a per-row probe.
 */
export const lookup = (select: string, alias: string) => `left join lateral (${select} limit 1) ${alias} on true`;

/** Selects from a record table by (organization, external id): the unique index. */
export const byExternalId = (table: string, alias: string, value: string, columns = `${alias}.id`) =>
  `select ${columns} from ${table} ${alias} where ${alias}.organization_id = :org and ${alias}.external_id = ${value}`;

const singular: Record<RecordEntity, string> = {
  accounts: "account",
  contacts: "contact",
  leads: "lead",
  opportunities: "opportunity",
  activities: "activity",
};

export const unresolvedSelfMessage = (entity: RecordEntity) =>
  `no ${singular[entity]} with this external id in the organization or the file`;

/** What the SQL of one record import depends on. */
export interface RecordSqlContext {
  entity: RecordEntity;
  spec: RecordMergeSpec;
  mapped: ReadonlySet<string>;
  /** Temporary tables: members by email/name, keys seen in the file, rows waiting for a parent. */
  members: string;
  seen: string;
  deferred: string;
  /** The staged columns, comma-separated (the deferred table's, without `is_new`). */
  stagedColumns: string;
  textColumns: ReadonlySet<string>;
}

/** Where the staged rows of a statement come from, and how a row finds its key's first row in the file. */
interface SourceSpec {
  from: string;
  firstRow: string;
  where?: string;
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

function targetsOf(ctx: RecordSqlContext, omit?: string): TargetColumn[] {
  return ctx.spec.targets.filter((t) => t.column !== omit && t.uses.some((f) => ctx.mapped.has(f)));
}

/** An empty string already stored counts as empty, like the empty cell that would replace it. */
function current(ctx: RecordSqlContext, column: string, alias = "t"): string {
  return ctx.textColumns.has(column) ? `nullif(${alias}.${column}, '')` : `${alias}.${column}`;
}

/** Reference checks: [field, resolved column, message]. */
function referenceChecks(ctx: RecordSqlContext): [string, string, string][] {
  const checks: [string, string, string][] = [];
  if (ctx.mapped.has("owner_email")) {
    checks.push(["owner_email", "own_id", "no member of the organization with this email (or name)"]);
  }
  for (const [field, target] of Object.entries(ctx.spec.refs)) {
    if (ctx.mapped.has(field)) {
      checks.push([field, `ref_${field}`, `no ${singular[target]} with this external id in the organization`]);
    }
  }
  return checks;
}

/**
 * The staged rows with: their new values; the row they would update (`existing_id`) and whether anything
 * differs from it, so unchanged rows never reach the INSERT (which would lock them); the resolved
 * references; and `ok`, false for a row that failed parsing, repeats an earlier key or points nowhere.
 */
function sourceSql(ctx: RecordSqlContext, source: SourceSpec, omit?: string): string {
  const targets = targetsOf(ctx, omit);
  const checks = referenceChecks(ctx);
  const joins = [
    lookup(byExternalId(ctx.spec.table, "t", "s.external_id", "t.*"), "t"),
  ];
  if (ctx.mapped.has("owner_email")) {
    joins.push(lookup(`select own.user_id from ${ctx.members} own where own.key = lower(s.owner_email)`, "own"));
  }
  for (const [field, target] of Object.entries(ctx.spec.refs)) {
    if (ctx.mapped.has(field)) joins.push(lookup(byExternalId(`core.${target}`, "r", `s.${field}`), `r_${field}`));
  }
  const self = ctx.spec.selfRef;
  if (self && targets.some((t) => t.value.includes("par."))) {
    joins.push(lookup(byExternalId(ctx.spec.table, "p", `s.${self.field}`), "par"));
  }
  const columns = [
    "s.row_num",
    "coalesce(s.invalid, false) as invalid",
    "s.external_id",
    "t.id as existing_id",
    `${source.firstRow} as first_row`,
    ...(ctx.mapped.has("owner_email") ? ["s.owner_email as raw_owner_email", "own.user_id as own_id"] : []),
    ...Object.keys(ctx.spec.refs)
      .filter((f) => ctx.mapped.has(f))
      .flatMap((f) => [`s.${f} as raw_${f}`, `r_${f}.id as ref_${f}`]),
    ...targets.map((t) => `${t.value} as ${t.column}`),
    ...targets.map((t) => `${current(ctx, t.column)} as old_${t.column}`),
  ];
  const differs = targets.length
    ? `(${targets.map((t) => `old_${t.column}`).join(", ")}) is distinct from (${targets.map((t) => t.column).join(", ")})`
    : "false";
  const ok = [
    "not invalid",
    "coalesce(first_row = row_num, true)",
    ...checks.map(([field, resolved]) => `(raw_${field} is null or ${resolved} is not null)`),
  ].join(" and ");
  return `select v.*, ${differs} as differs, ${ok} as ok
    from (select ${columns.join(", ")} from ${source.from} s ${joins.join(" ")} ${source.where ? `where ${source.where}` : ""}) v`;
}

/** The errors of the rows in `src`, one select per kind of check. */
function errorsSql(ctx: RecordSqlContext): string {
  const parts = [
    `select row_num, 'external_id' as field, external_id as value,
       'the same external_id is already on row ' || first_row as message
     from src where first_row <> row_num`,
    ...referenceChecks(ctx).map(
      ([field, resolved, message]) =>
        `select row_num, '${field}', raw_${field}, ${quote(message)} from src where raw_${field} is not null and ${resolved} is null`,
    ),
  ];
  return parts.join(" union all ");
}

/** A row of the deferred table finds its key's first row among the keys recorded by the batches. */
const deferredSource = (ctx: RecordSqlContext): SourceSpec => ({
  from: ctx.deferred,
  firstRow: `(select d.row_num from ${ctx.seen} d where d.key = s.external_id)`,
});

/**
 * The head of a batch statement: `x`, the batch decoded from the JSON parameter `:rows`; `ins_seen`,
 * its keys recorded (a key already recorded is a duplicate: its first row is the recorded one, or for a
 * repeat inside the batch, the batch's first); `def`, rows set aside until the end because their
 * parent may come later in the file.
 */
function batchHead(ctx: RecordSqlContext): { ctes: string; source: SourceSpec } {
  const ctes = [
    `x as materialized (select j.*, min(j.row_num) over (partition by j.external_id) as batch_first from :rows)`,
    `ins_seen as (insert into ${ctx.seen} (key, row_num)
       select external_id, row_num from x where external_id is not null order by row_num
       on conflict do nothing returning row_num)`,
  ];
  const self = ctx.spec.selfRef;
  const deferring = Boolean(self && ctx.mapped.has(self.field));
  if (deferring) {
    ctes.push(`def as (insert into ${ctx.deferred} (${ctx.stagedColumns})
       select ${ctx.stagedColumns} from x s
       where s.${self!.field} is not null and not coalesce(s.invalid, false) and not ${selfResolvesSql(ctx)}
       returning row_num)`);
  }
  return {
    ctes: ctes.join(",\n"),
    source: {
      from: "x",
      firstRow: `case when s.external_id is null then null
        when s.row_num in (select row_num from ins_seen) then s.row_num
        else coalesce((select d.row_num from ${ctx.seen} d where d.key = s.external_id), s.batch_first) end`,
      ...(deferring ? { where: "s.row_num not in (select row_num from def)" } : {}),
    },
  };
}

function checkOnly(ctes: string, ctx: RecordSqlContext, source: SourceSpec): string {
  return `with ${ctes ? `${ctes},` : ""} src as (${sourceSql(ctx, source)}), errs as (${errorsSql(ctx)})
    select coalesce(json_agg(errs), '[]'::json) as errors from errs`;
}

/**
 * Checks and upserts by (organization, external_id) in one statement: good rows are written (a row
 * whose values do not differ is left alone: unchanged), bad ones come back as errors. The ORDER BY
 * makes every lookup of `src` finish before the first insert: interleaved, a lookup that the planner
 * put on another (organization_id, …) index would wade through the rows this very statement inserts.
 */
function merge(ctes: string, ctx: RecordSqlContext, source: SourceSpec, againstDeferred: boolean): string {
  const columns = targetsOf(ctx).map((t) => t.column);
  const list = columns.map((c) => `, ${c}`).join("");
  // Checked again at the conflict: another import may have written the row since `src` read it.
  const differs = columns.length
    ? `where (${columns.map((c) => current(ctx, c)).join(", ")}) is distinct from (${columns.map((c) => `excluded.${c}`).join(", ")})`
    : "where false";
  const set = [...columns.map((c) => `${c} = excluded.${c}`), "updated_at = now()"].join(", ");
  const updated = againstDeferred
    ? `count(*) filter (where not m.inserted and not d.is_new)::int as updated
       from m join ${ctx.deferred} d on d.external_id = m.external_id`
    : `count(*) filter (where not m.inserted)::int as updated from m`;
  return `with ${ctes ? `${ctes},` : ""} src as (${sourceSql(ctx, source)}),
    errs as (${errorsSql(ctx)}),
    m as (
      insert into ${ctx.spec.table} as t (organization_id, external_id${list})
      select :org, external_id${list} from src
      where ok and (existing_id is null or differs)
      order by external_id
      on conflict (organization_id, external_id) do update set ${set} ${differs}
      returning t.external_id, (t.xmax = 0) as inserted
    )
    select (select count(*) from src where ok)::int as rows, count(*) filter (where m.inserted)::int as created,
      (select coalesce(json_agg(errs), '[]'::json) from errs) as errors, ${updated}`;
}

/** One statement for a batch (JSON parameter `:rows`): record its keys, set rows aside, check, and write. */
export function batchSql(ctx: RecordSqlContext, write: boolean): string {
  const head = batchHead(ctx);
  return write ? merge(head.ctes, ctx, head.source, false) : checkOnly(head.ctes, ctx, head.source);
}

/** The checks of the deferred rows (run before they are settled). */
export function deferredCheckSql(ctx: RecordSqlContext): string {
  return checkOnly("", ctx, deferredSource(ctx));
}

/** The full merge of the deferred rows once every parent exists; `is_new` rows do not count as updated. */
export function deferredMergeSql(ctx: RecordSqlContext): string {
  return merge("", ctx, deferredSource(ctx), true);
}

/** Inserts the good deferred rows that are new, without their self reference, and marks them `is_new`. */
export function insertNewSql(ctx: RecordSqlContext): string {
  const omit = ctx.spec.selfRef!.column;
  const list = targetsOf(ctx, omit)
    .map((t) => `, ${t.column}`)
    .join("");
  return `with src as (${sourceSql(ctx, deferredSource(ctx), omit)}),
    m as (
      insert into ${ctx.spec.table} as t (organization_id, external_id${list})
      select :org, external_id${list} from src where ok and existing_id is null
      order by external_id
      on conflict (organization_id, external_id) do nothing
      returning t.external_id
    ),
    marked as (update ${ctx.deferred} d set is_new = true from m where d.external_id = m.external_id returning 1)
    select count(*)::int as created from marked`;
}

/** The condition (over `s`) that the self reference resolves to a row already in the table. */
export function selfResolvesSql(ctx: RecordSqlContext): string {
  return `(${byExternalId(ctx.spec.table, "p", `s.${ctx.spec.selfRef!.field}`)} limit 1) is not null`;
}
