import { AreaChart, BarChart, Button, Card, CardContent, CardDescription, CardHeader, CardTitle, EmptyState, ErrorState, Input, Label, LineChart, LoadingState, PageHeader, PieChart, Select, toast } from "@opsdeck/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useMemo, useState } from "react";
import { errorText, useReportingClient, useReportingQueries } from "./api.ts";
import { SimpleTable } from "./simple-table.tsx";

type Measure = { fn: "count" | "sum" | "avg" | "min" | "max"; field?: string };
type Filter = { field: string; op: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "contains"; value: string };
interface Draft {
  entity: string;
  groupBy: { field: string; bucket?: "day" | "week" | "month" | "quarter" | "year" }[];
  measures: Measure[];
  filters: Filter[];
  chart: "table" | "bar" | "line" | "area" | "pie";
}

const EMPTY: Draft = { entity: "opportunities", groupBy: [{ field: "stage" }], measures: [{ fn: "count" }, { fn: "sum", field: "amount" }], filters: [], chart: "bar" };
const ROLES = ["admin", "ops", "manager", "rep"] as const;
const OPS = [
  { value: "eq", label: "is" },
  { value: "neq", label: "is not" },
  { value: "gt", label: "more than" },
  { value: "gte", label: "at least" },
  { value: "lt", label: "less than" },
  { value: "lte", label: "at most" },
  { value: "contains", label: "contains" },
];
// Quarters and years follow the organization's fiscal year (FY2027 Q1), as everywhere in the portal.
const BUCKETS = [
  { value: "day", label: "Day" },
  { value: "week", label: "Week" },
  { value: "month", label: "Month" },
  { value: "quarter", label: "Fiscal quarter" },
  { value: "year", label: "Fiscal year" },
];

/** The streamed export of a saved report or of the builder's definition (`GET /api/download/reporting/report`). */
function downloadUrl(input: { id: string; format: "csv" | "xlsx" } | { definition: object; name: string; format: "csv" | "xlsx" }): string {
  const query = new URLSearchParams("id" in input ? { id: input.id, format: input.format } : { definition: JSON.stringify(input.definition), name: input.name, format: input.format });
  return `/api/download/reporting/report?${query.toString()}`;
}

const decimal = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const show = (type: string, v: string | number | boolean | null | undefined) =>
  v === null || v === undefined ? "—" : type === "money" ? decimal.format(Number(v)) : type === "count" ? Number(v).toLocaleString("en-US") : String(v);

/** Reports: saved reports and the builder (dataset, group by, measures, filter, chart, save and share). */
export function ReportsPage() {
  const q = useReportingQueries();
  const client = useQueryClient();
  const datasets = useQuery(q.reports.datasets.queryOptions());
  const saved = useQuery(q.reports.list.queryOptions());
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [name, setName] = useState("");
  const [share, setShare] = useState<string[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [page, setPage] = useState(0);
  const definition = useMemo(() => ({ ...draft, filters: draft.filters.filter((f) => f.value !== "") }), [draft]);
  const result = useQuery({ ...q.reports.run.queryOptions({ definition, offset: page * 50, limit: 50 }), placeholderData: (prev) => prev });
  const dataset = datasets.data?.find((d) => d.id === draft.entity);
  const fields = dataset?.fields ?? [];
  const numeric = fields.filter((f) => f.type === "number" || f.type === "money");
  const api = useReportingClient();
  const save = useMutation({
    mutationFn: () => {
      const input = { name, definition: draft, sharedRoles: share as (typeof ROLES)[number][] };
      return editing ? api.reports.update.mutate({ id: editing, ...input }) : api.reports.create.mutate(input);
    },
    onSuccess: async () => {
      toast.success("Report saved");
      await client.invalidateQueries({ queryKey: q.reports.list.queryKey() });
    },
    onError: (err) => toast.error(errorText(err)),
  });
  const set = (patch: Partial<Draft>) => {
    setPage(0);
    setDraft({ ...draft, ...patch });
  };
  const group = draft.groupBy[0];
  const measure = draft.measures.find((m) => m.fn !== "count");
  const filter = draft.filters[0] ?? { field: "", op: "eq" as const, value: "" };
  const fieldOptions = fields.map((f) => ({ value: f.name, label: f.label }));
  const chartData = result.data?.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? "" : typeof v === "boolean" ? String(v) : v]))) ?? [];
  const xKey = result.data?.columns[0]?.key ?? "";
  // One measure on the chart: the last one (a sum next to a count would flatten the count).
  const series = (result.data?.columns.slice(draft.groupBy.length) ?? []).slice(-1).map((c) => ({ key: c.key, label: c.label }));
  return (
    <div className="space-y-6">
      <PageHeader title="Reports" description="Build a report on any dataset, save it, share it, schedule it." />
      <div className="grid gap-6 lg:grid-cols-4">
        <Card className="self-start">
          <CardHeader>
            <CardTitle>Saved reports</CardTitle>
          </CardHeader>
          <CardContent className="space-y-1">
            {saved.isPending ? <LoadingState size="compact" /> : !saved.data?.length ? (
              <EmptyState title="No saved reports" text="Build one and save it." size="compact" />
            ) : (
              saved.data.map((r) => (
                <div key={r.id} className={`group flex items-center gap-1 rounded-md pr-1 hover:bg-muted ${editing === r.id ? "bg-muted" : ""}`}>
                  <button
                    type="button"
                    className={`min-w-0 flex-1 truncate px-2 py-1.5 text-left text-sm ${editing === r.id ? "font-medium" : ""}`}
                    onClick={() => {
                      setEditing(r.id);
                      setName(r.name);
                      setShare(r.sharedRoles);
                      setPage(0);
                      setDraft({ ...EMPTY, ...(r.definition as Partial<Draft>) });
                    }}
                  >
                    {r.name}
                  </button>
                  {(["csv", "xlsx"] as const).map((format) => (
                    <a
                      key={format}
                      href={downloadUrl({ id: r.id, format })}
                      download
                      aria-label={`Export ${r.name} as ${format.toUpperCase()}`}
                      className="rounded px-1.5 py-0.5 text-[11px] font-medium uppercase text-muted-foreground hover:bg-background hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
                    >
                      {format}
                    </a>
                  ))}
                </div>
              ))
            )}
            <Button variant="ghost" size="sm" className="mt-2 w-full" onClick={() => { setEditing(null); setName(""); setShare([]); setDraft(EMPTY); }}>
              New report
            </Button>
          </CardContent>
        </Card>
        <Card className="lg:col-span-3">
          <CardHeader>
            <CardTitle>Builder</CardTitle>
            <CardDescription>Amounts are converted to the organization's currency. You see only the rows your role allows.</CardDescription>
          </CardHeader>
          <CardContent className="space-y-4">
            <div className="grid gap-3 md:grid-cols-3">
              <div className="space-y-1">
                <Label htmlFor="rb-entity">Dataset</Label>
                <Select id="rb-entity" value={draft.entity} onValueChange={(v) => set({ entity: v, groupBy: [], measures: [{ fn: "count" }], filters: [] })} options={(datasets.data ?? []).map((d) => ({ value: d.id, label: d.label }))} />
              </div>
              <div className="space-y-1">
                <Label htmlFor="rb-group">Group by</Label>
                <Select id="rb-group" value={group?.field ?? "none"} onValueChange={(v) => set({ groupBy: v === "none" ? [] : [{ field: v }] })} options={[{ value: "none", label: "No grouping (list)" }, ...fieldOptions]} />
              </div>
              <div className="space-y-1">
                <Label htmlFor="rb-bucket">Date bucket</Label>
                <Select
                  id="rb-bucket"
                  disabled={!group || !["date", "datetime"].includes(fields.find((f) => f.name === group.field)?.type ?? "")}
                  value={group?.bucket ?? "none"}
                  onValueChange={(v) => group && set({ groupBy: [{ field: group.field, ...(v === "none" ? {} : { bucket: v as "month" }) }] })}
                  options={[{ value: "none", label: "Exact value" }, ...BUCKETS]}
                />
              </div>
              <div className="space-y-1">
                <Label htmlFor="rb-measure">Measure</Label>
                <Select
                  id="rb-measure"
                  value={measure ? `${measure.fn}:${measure.field}` : "count"}
                  onValueChange={(v) => {
                    const [fn, field] = v.split(":");
                    set({ measures: v === "count" ? [{ fn: "count" }] : [{ fn: "count" }, { fn: fn as Measure["fn"], field }] });
                  }}
                  options={[{ value: "count", label: "Count" }, ...numeric.flatMap((f) => (["sum", "avg", "min", "max"] as const).map((fn) => ({ value: `${fn}:${f.name}`, label: `${fn} of ${f.label}` })))]}
                />
              </div>
              <div className="space-y-1">
                <Label htmlFor="rb-chart">Chart</Label>
                <Select id="rb-chart" value={draft.chart} onValueChange={(v) => set({ chart: v as Draft["chart"] })} options={["bar", "line", "area", "pie", "table"].map((c) => ({ value: c, label: c }))} />
              </div>
            </div>
            <div className="grid gap-3 md:grid-cols-3">
              <div className="space-y-1">
                <Label htmlFor="rb-filter-field">Filter on</Label>
                <Select id="rb-filter-field" value={filter.field || "none"} onValueChange={(v) => set({ filters: v === "none" ? [] : [{ ...filter, field: v }] })} options={[{ value: "none", label: "No filter" }, ...fieldOptions]} />
              </div>
              <div className="space-y-1">
                <Label htmlFor="rb-filter-op">Condition</Label>
                <Select id="rb-filter-op" value={filter.op} disabled={!filter.field} onValueChange={(v) => set({ filters: [{ ...filter, op: v as Filter["op"] }] })} options={OPS} />
              </div>
              <div className="space-y-1">
                <Label htmlFor="rb-filter-value">Value</Label>
                <Input id="rb-filter-value" disabled={!filter.field} value={filter.value} onChange={(e) => set({ filters: [{ ...filter, value: e.target.value }] })} placeholder="e.g. proposal" />
              </div>
            </div>
            {result.error ? <ErrorState title="The report could not run" message={errorText(result.error)} /> : !result.data ? <LoadingState /> : (
              <>
                {draft.chart !== "table" && draft.groupBy.length > 0 && series.length > 0 && (
                  <Preview chart={draft.chart} data={chartData} xKey={xKey} series={series} />
                )}
                <SimpleTable
                  rows={result.data.rows}
                  rowKey={(_, i) => String(i)}
                  empty="No rows match."
                  columns={result.data.columns.map((c) => ({ key: c.key, label: c.label, align: c.type === "money" || c.type === "number" || c.type === "count" ? "right" as const : "left" as const, render: (r: Record<string, string | number | boolean | null>) => show(c.type, r[c.key]) }))}
                />
                <div className="flex items-center justify-between text-sm text-muted-foreground">
                  <span>{result.data.total.toLocaleString()} {draft.groupBy.length ? "groups" : "rows"}</span>
                  <div className="flex gap-2">
                    <Button variant="secondary" size="sm" disabled={page === 0} onClick={() => setPage(page - 1)}>Previous</Button>
                    <Button variant="secondary" size="sm" disabled={(page + 1) * 50 >= result.data.total} onClick={() => setPage(page + 1)}>Next</Button>
                  </div>
                </div>
              </>
            )}
            <div className="flex flex-wrap items-end gap-3 border-t border-border pt-4">
              <div className="space-y-1">
                <Label htmlFor="rb-name">Name</Label>
                <Input id="rb-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Pipeline by stage" className="w-64" />
              </div>
              <fieldset className="flex items-center gap-3 text-sm">
                <legend className="sr-only">Share with roles</legend>
                <span className="text-muted-foreground">Share with</span>
                {ROLES.map((role) => (
                  <label key={role} className="flex items-center gap-1">
                    <input type="checkbox" checked={share.includes(role)} onChange={(e) => setShare(e.target.checked ? [...share, role] : share.filter((r) => r !== role))} />
                    {role}
                  </label>
                ))}
              </fieldset>
              <Button disabled={!name.trim() || save.isPending} onClick={() => save.mutate()}>
                {editing ? "Save changes" : "Save report"}
              </Button>
              <div className="ml-auto flex gap-2">
                {(["csv", "xlsx"] as const).map((format) => (
                  <Button key={format} asChild variant="secondary">
                    <a href={downloadUrl({ definition, name: name.trim() || "report", format })} download>
                      <Download aria-hidden className="size-4" />
                      Export {format.toUpperCase()}
                    </a>
                  </Button>
                ))}
              </div>
            </div>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}

type Datum = Record<string, string | number>;

function Preview({ chart, data, xKey, series }: { chart: Draft["chart"]; data: Datum[]; xKey: string; series: { key: string; label: string }[] }) {
  const props = { data, xKey, series, label: "Report chart", height: 240, animate: false };
  if (chart === "line") return <LineChart {...props} />;
  if (chart === "area") return <AreaChart {...props} />;
  if (chart === "pie") {
    const key = series[series.length - 1]!.key;
    return <PieChart label="Report chart" data={data.slice(0, 12).map((d) => ({ name: String(d[xKey] || "—"), value: d[key] ?? 0 }))} height={240} />;
  }
  return <BarChart {...props} />;
}
