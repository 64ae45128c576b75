import { MoneyDecimal, OpsdeckError } from "@opsdeck/core";
import { sql, type SQL } from "drizzle-orm";
import { orgAmountSql } from "../forecasts/money-sql.ts";
import type { ReportsContext } from "./context.ts";
import type { Dataset, DatasetField, FieldType } from "./datasets.ts";
import { measureKey, type BUCKETS, type ReportDefinition } from "./definition.ts";
import { ownerFilter } from "./visibility.ts";

type Bucket = (typeof BUCKETS)[number];

export interface ResultColumn {
  key: string;
  label: string;
  type: FieldType | "count";
}

export interface CompiledReport {
  grouped: boolean;
  columns: ResultColumn[];
  /** SELECT list, FROM and WHERE (no ORDER BY / LIMIT): callers page or stream it. */
  select: SQL;
  from: SQL;
  where: SQL;
  groupBy: SQL | null;
  orderBy: SQL;
  /** Ordered by a column the user picked (else a plain list is in id order). */
  sorted: boolean;
  /** Keyset column of a plain list. */
  idSql: string;
}

const bad = (path: (string | number)[], message: string) => new OpsdeckError("BAD_REQUEST", message, { issues: [{ path, message }] });

/** The value of a field in the organization's currency (money) or as stored. */
function valueSql(ctx: ReportsContext, field: DatasetField): SQL {
  if (field.type === "money" && field.currencySql) {
    return orgAmountSql({
      amount: field.sql,
      currency: field.currencySql,
      orgCurrency: ctx.organization.currency,
      organizationId: ctx.tenant.organizationId,
      day: sql.raw(field.rateDaySql ?? "current_date"),
    });
  }
  return sql.raw(field.sql);
}

function typedValue(field: DatasetField, value: unknown, path: (string | number)[]): unknown {
  if (field.type === "number" || field.type === "money") {
    const n = typeof value === "number" ? value : Number(value);
    if (!Number.isFinite(n)) throw bad(path, `${field.label}: not a number`);
    return String(value);
  }
  if (field.type === "boolean") return value === true || value === "true";
  if (field.type === "date" || field.type === "datetime") {
    if (typeof value !== "string" || Number.isNaN(Date.parse(value))) throw bad(path, `${field.label}: not a date`);
    return value;
  }
  return String(value);
}

/** Dates leave the database as ISO text, so neither driver shifts them by a time zone. */
const asText = (type: FieldType, expr: SQL) =>
  type === "date" ? sql`to_char(${expr}, 'YYYY-MM-DD')` : type === "datetime" ? sql`to_char(${expr} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')` : expr;

const cast = (t: FieldType) => (t === "number" || t === "money" ? "numeric" : t === "date" ? "date" : t === "datetime" ? "timestamptz" : t === "boolean" ? "boolean" : "text");

const BUCKET_LABELS: Record<Bucket, string> = { day: "day", week: "week", month: "month", quarter: "fiscal quarter", year: "fiscal year" };

/**
 * The fiscal quarter or year of a date, named as core's fiscal calendar names it (`fiscalPeriodsOfYear`):
 * `FY2027 Q1`, `FY2027`. A fiscal year starting in month M is the calendar grid shifted by M − 1 months
 * (quarters by (M − 1) mod 3), and is named after the calendar year it ends in. Names sort in time order.
 */
export function fiscalBucketSql(bucket: "quarter" | "year", value: SQL, startMonth: number): SQL {
  const m = Math.trunc(startMonth);
  if (!(m >= 1 && m <= 12)) throw new OpsdeckError("BAD_REQUEST", "The fiscal year must start in a month 1–12.");
  const shift = bucket === "quarter" ? (m - 1) % 3 : m - 1;
  const start = sql.raw(`(date_trunc('${bucket}', (`);
  const tail = sql.raw(`)::timestamp - interval '${shift} months') + interval '${shift} months')::date`);
  const s = sql`${start}${value}${tail}`;
  // A year starting in January is the calendar year; otherwise months from the start month on end next year.
  const year = m === 1 ? sql`extract(year from ${s})::int` : sql`(extract(year from ${s})::int + case when extract(month from ${s}) >= ${sql.raw(String(m))} then 1 else 0 end)`;
  if (bucket === "year") return sql`('FY' || ${year})`;
  return sql`('FY' || ${year} || ' Q' || ((extract(month from ${s})::int - ${sql.raw(String(m))} + 12) % 12 / 3 + 1))`;
}

/**
 * Compiles a report definition against a dataset into parameterized SQL, scoped to the organization, to
 * live rows, and to the owners the member may see (`owners`, null = everyone). Every name is checked
 * against the dataset's fields; values are bound parameters.
 */
export function compileReport(ctx: ReportsContext, dataset: Dataset, def: ReportDefinition, owners: string[] | null): CompiledReport {
  const field = (name: string, path: (string | number)[]) => {
    const found = dataset.fields.find((x) => x.name === name);
    if (!found) throw bad(path, `${dataset.label} have no field "${name}"`);
    return found;
  };
  if (owners !== null && !dataset.ownerSql) throw new OpsdeckError("FORBIDDEN", `${dataset.label} have no owner: only ops and admins can report on them.`);
  const where: SQL[] = [sql`${sql.raw(dataset.organizationSql)} = ${ctx.tenant.organizationId}::uuid`];
  if (dataset.liveSql) where.push(sql.raw(dataset.liveSql));
  if (owners !== null) where.push(ownerFilter(dataset.ownerSql!, owners));
  def.filters.forEach((flt, i) => {
    const fd = field(flt.field, ["filters", i, "field"]);
    const col = valueSql(ctx, fd);
    const c = sql.raw(cast(fd.type));
    const one = () => {
      if (flt.value === undefined || Array.isArray(flt.value)) throw bad(["filters", i, "value"], `${fd.label}: give one value`);
      return sql`${typedValue(fd, flt.value, ["filters", i, "value"])}::${c}`;
    };
    const list = () => {
      const values = Array.isArray(flt.value) ? flt.value : flt.value === undefined ? [] : [flt.value];
      return values.map((v, j) => typedValue(fd, v, ["filters", i, "value", j]));
    };
    switch (flt.op) {
      case "eq": where.push(sql`${col} = ${one()}`); break;
      case "neq": where.push(sql`${col} is distinct from ${one()}`); break;
      case "gt": where.push(sql`${col} > ${one()}`); break;
      case "gte": where.push(sql`${col} >= ${one()}`); break;
      case "lt": where.push(sql`${col} < ${one()}`); break;
      case "lte": where.push(sql`${col} <= ${one()}`); break;
      case "contains": where.push(sql`${col}::text ilike ${`%${String(flt.value ?? "").replace(/[%_\\]/g, "\\$&")}%`}`); break;
      case "is_null": where.push(sql`${col} is null`); break;
      case "not_null": where.push(sql`${col} is not null`); break;
      case "in": {
        const values = list();
        if (!values.length) throw bad(["filters", i, "value"], `${fd.label}: pick at least one value`);
        where.push(sql`${col} in (${sql.join(values.map((v) => sql`${v}::${c}`), sql`, `)})`);
        break;
      }
      case "between": {
        const values = list();
        if (values.length !== 2) throw bad(["filters", i, "value"], `${fd.label}: give a from and a to`);
        where.push(sql`${col} between ${values[0]}::${c} and ${values[1]}::${c}`);
        break;
      }
    }
  });
  const grouped = def.groupBy.length > 0 || def.measures.length > 0;
  const columns: ResultColumn[] = [];
  const selects: SQL[] = [];
  const groups: SQL[] = [];
  if (grouped) {
    def.groupBy.forEach((g, i) => {
      const fd = field(g.field, ["groupBy", i, "field"]);
      const key = g.bucket ? `${g.field}_${g.bucket}` : g.field;
      let expr = valueSql(ctx, fd);
      let type: FieldType = fd.type;
      if (g.bucket) {
        if (fd.type !== "date" && fd.type !== "datetime") throw bad(["groupBy", i, "bucket"], `${fd.label} is not a date`);
        const fiscal = g.bucket === "quarter" || g.bucket === "year";
        expr = fiscal ? fiscalBucketSql(g.bucket as "quarter" | "year", expr, ctx.organization.fiscalYearStartMonth) : sql`date_trunc(${sql.raw(`'${g.bucket}'`)}, (${expr})::timestamp)::date`;
        type = fiscal ? "text" : "date";
      }
      columns.push({ key, label: g.bucket ? `${fd.label} (${BUCKET_LABELS[g.bucket]})` : fd.label, type });
      selects.push(sql`${asText(type, expr)} as ${sql.identifier(key)}`);
      groups.push(expr);
    });
    const measures = def.measures.length ? def.measures : [{ fn: "count" as const }];
    measures.forEach((m, i) => {
      const key = measureKey(m);
      if (m.fn === "count" && !m.field) {
        columns.push({ key, label: "Count", type: "count" });
        selects.push(sql`count(*) as ${sql.identifier(key)}`);
        return;
      }
      if (!m.field) throw bad(["measures", i, "field"], `Pick a field to ${m.fn}`);
      const fd = field(m.field, ["measures", i, "field"]);
      if (m.fn === "count") {
        columns.push({ key, label: `Count of ${fd.label}`, type: "count" });
        selects.push(sql`count(${valueSql(ctx, fd)}) as ${sql.identifier(key)}`);
        return;
      }
      const numeric = fd.type === "number" || fd.type === "money";
      if ((m.fn === "sum" || m.fn === "avg") && !numeric) throw bad(["measures", i, "field"], `${fd.label} is not a number`);
      columns.push({ key, label: `${m.fn[0]!.toUpperCase()}${m.fn.slice(1)} of ${fd.label}`, type: fd.type });
      selects.push(sql`${sql.raw(m.fn)}(${valueSql(ctx, fd)}) as ${sql.identifier(key)}`);
    });
  } else {
    const names = def.columns.length ? def.columns : dataset.defaultColumns;
    names.forEach((name, i) => {
      const fd = field(name, ["columns", i]);
      columns.push({ key: fd.name, label: fd.label, type: fd.type });
      selects.push(sql`${asText(fd.type, valueSql(ctx, fd))} as ${sql.identifier(fd.name)}`);
    });
  }
  const sortKey = def.sort?.by;
  const dir = sql.raw(def.sort?.direction === "asc" ? "asc" : "desc");
  let orderBy: SQL;
  const sorted = Boolean(sortKey && columns.some((c) => c.key === sortKey));
  // A plain list breaks ties by id, so pages and exports come in one stable order.
  if (sorted) orderBy = grouped ? sql`${sql.identifier(sortKey!)} ${dir} nulls last` : sql`${sql.identifier(sortKey!)} ${dir} nulls last, ${sql.raw(dataset.idSql)}`;
  else if (grouped) orderBy = groups.length ? sql.join(groups.map((_, i) => sql.raw(String(i + 1))), sql`, `) : sql`1`;
  else orderBy = sql.raw(`${dataset.idSql}`);
  return {
    grouped,
    columns,
    select: sql.join(selects, sql`, `),
    from: sql.raw(dataset.from),
    where: sql.join(where, sql` and `),
    groupBy: groups.length ? sql.join(groups, sql`, `) : null,
    orderBy: grouped || sorted ? orderBy : sql.raw(dataset.idSql),
    sorted,
    idSql: dataset.idSql,
  };
}

/** Rounds money to 2 decimals half-even and counts to numbers, as results and exports show them. */
export function formatValue(type: ResultColumn["type"], raw: unknown): string | number | boolean | null {
  if (raw === null || raw === undefined) return null;
  // Drivers hand back strings, numbers, booleans or Dates.
  const value = raw as string | number | boolean | Date;
  if (type === "count") return Number(value);
  if (type === "money") return Number.isNaN(Number(value)) ? String(value) : roundMoney(String(value));
  if (type === "number") return String(value);
  if (type === "boolean") return value === true || value === "t" || value === "true";
  if (type === "date") return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
  if (type === "datetime") return value instanceof Date ? value.toISOString() : String(value);
  return String(value);
}

const roundMoney = (v: string) => new MoneyDecimal(v).toFixed(2, MoneyDecimal.ROUND_HALF_EVEN);
