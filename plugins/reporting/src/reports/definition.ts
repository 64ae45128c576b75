import { z } from "zod";

export const BUCKETS = ["day", "week", "month", "quarter", "year"] as const;
export const MEASURE_FNS = ["count", "sum", "avg", "min", "max"] as const;
export const FILTER_OPS = ["eq", "neq", "in", "gt", "gte", "lt", "lte", "between", "contains", "is_null", "not_null"] as const;
export const CHART_TYPES = ["table", "bar", "line", "area", "pie"] as const;

const fieldName = z.string().regex(/^[a-z_][a-z0-9_]*$/, "Not a field name");
const scalar = z.union([z.string().max(500), z.number(), z.boolean()]);

/** A report: the dataset, how rows are grouped and measured, which rows count, and how it is drawn. */
export const reportDefinitionSchema = z.object({
  entity: z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z_][a-z0-9_]*)?$/),
  /** Columns of a plain list (no group by and no measures); default: the dataset's. */
  columns: z.array(fieldName).max(50).default([]),
  groupBy: z.array(z.object({ field: fieldName, bucket: z.enum(BUCKETS).optional() })).max(2).default([]),
  measures: z.array(z.object({ fn: z.enum(MEASURE_FNS), field: fieldName.optional() })).max(8).default([]),
  filters: z
    .array(z.object({ field: fieldName, op: z.enum(FILTER_OPS), value: z.union([scalar, z.array(scalar).max(200)]).optional() }))
    .max(20)
    .default([]),
  chart: z.enum(CHART_TYPES).default("table"),
  sort: z.object({ by: z.string().max(80), direction: z.enum(["asc", "desc"]).default("desc") }).optional(),
});
export type ReportDefinition = z.output<typeof reportDefinitionSchema>;
export type ReportDefinitionInput = z.input<typeof reportDefinitionSchema>;

/** The key of a measure's column in results: `count`, `sum_amount`, … */
export const measureKey = (m: { fn: string; field?: string | undefined }) => (m.fn === "count" && !m.field ? "count" : `${m.fn}_${m.field ?? "rows"}`);
