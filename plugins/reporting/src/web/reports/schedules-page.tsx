import { Badge, Button, Card, CardContent, CardDescription, CardHeader, CardTitle, EmptyState, ErrorState, Input, Label, LoadingState, PageHeader, Select, toast } from "@opsdeck/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { KPI_KEYS, KPIS } from "../../kpis/catalogue.ts";
import { errorText, useReportingClient, useReportingQueries } from "./api.ts";
import { SimpleTable } from "./simple-table.tsx";

type Kind = "report" | "dashboard" | "alert" | "kpi_alert";
type Period = (typeof PERIODS)[number]["value"];
type AlertKpi = (typeof ALERT_KPIS)[number];

const KINDS: { value: Kind; label: string }[] = [
  { value: "report", label: "Email a saved report" },
  { value: "dashboard", label: "Email a dashboard's KPIs" },
  { value: "kpi_alert", label: "Alert on a KPI" },
  { value: "alert", label: "Alert on a report's column" },
];
const KIND_LABELS: Record<Kind, string> = { report: "report", dashboard: "dashboard", alert: "report alert", kpi_alert: "KPI alert" };
// KPIs with one value (stage conversion is a set of rates); the server checks the same list.
const ALERT_KPIS = KPI_KEYS.filter((k) => KPIS[k].format !== "stages");
const PERIODS = [
  { value: "current_quarter", label: "This fiscal quarter" },
  { value: "previous_quarter", label: "Last fiscal quarter" },
  { value: "current_month", label: "This month" },
  { value: "previous_month", label: "Last month" },
  { value: "current_year", label: "This fiscal year" },
  { value: "last_30_days", label: "The last 30 days" },
] as const;

interface Form {
  name: string;
  kind: Kind;
  reportId: string;
  format: "csv" | "xlsx";
  dashboardId: string;
  kpi: AlertKpi;
  period: Period;
  teamId: string;
  cadence: string;
  cron: string;
  timeZone: string;
  recipients: string;
  measure: string;
  op: "lt" | "lte" | "gt" | "gte";
  threshold: string;
}

const INITIAL: Form = {
  name: "",
  kind: "report",
  reportId: "",
  format: "csv",
  dashboardId: "executive",
  kpi: "pipeline_coverage",
  period: "current_quarter",
  teamId: "all",
  cadence: "0 8 * * 1",
  cron: "",
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  recipients: "",
  measure: "",
  op: "lt",
  threshold: "",
};

const ready = (f: Form) => (f.kind === "report" || f.kind === "alert" ? Boolean(f.reportId) : f.kind === "dashboard" ? Boolean(f.dashboardId) : true);

function configOf(f: Form) {
  const scope = { period: f.period, ...(f.teamId === "all" ? {} : { teamId: f.teamId }) };
  switch (f.kind) {
    case "report":
      return { kind: "report" as const, reportId: f.reportId, format: f.format };
    case "alert":
      return { kind: "alert" as const, reportId: f.reportId, measure: f.measure, op: f.op, threshold: f.threshold };
    case "kpi_alert":
      return { kind: "kpi_alert" as const, kpi: f.kpi, op: f.op, threshold: f.threshold, ...scope };
    case "dashboard":
      return { kind: "dashboard" as const, dashboardId: f.dashboardId, ...scope };
  }
}

const CADENCES = [
  { value: "0 8 * * *", label: "Daily at 08:00" },
  { value: "0 8 * * 1", label: "Weekly, Monday 08:00" },
  { value: "0 8 1 * *", label: "Monthly, the 1st at 08:00" },
  { value: "custom", label: "Custom cron…" },
];

/** Schedules & alerts: emailed reports and conditions watched on a schedule. */
export function SchedulesPage() {
  const q = useReportingQueries();
  const api = useReportingClient();
  const client = useQueryClient();
  const list = useQuery(q.schedules.list.queryOptions());
  const runs = useQuery(q.schedules.runs.queryOptions({}));
  const reports = useQuery(q.reports.list.queryOptions());
  const dashboards = useQuery(q.dashboards.list.queryOptions());
  const options = useQuery(q.kpis.filterOptions.queryOptions());
  const [form, setForm] = useState<Form>(INITIAL);
  const refresh = () => client.invalidateQueries({ queryKey: q.schedules.pathKey() });
  const create = useMutation({
    mutationFn: () =>
      api.schedules.create.mutate({
        name: form.name,
        cron: form.cadence === "custom" ? form.cron : form.cadence,
        timeZone: form.timeZone,
        recipients: form.recipients.split(/[,\s]+/).filter(Boolean),
        config: configOf(form),
      }),
    onSuccess: async () => {
      toast.success("Schedule saved");
      setForm({ ...form, name: "", recipients: "" });
      await refresh();
    },
    onError: (err) => toast.error(errorText(err)),
  });
  const remove = useMutation({ mutationFn: (id: string) => api.schedules.delete.mutate({ id }), onSuccess: refresh });
  const runNow = useMutation({ mutationFn: () => api.schedules.runDue.mutate(), onSuccess: () => toast.success("Checking for due schedules…") });
  const names = new Map(list.data?.map((s) => [s.id, s.name]));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <div className="space-y-6">
      <PageHeader title="Schedules & alerts" description="Email a saved report or a dashboard's KPIs on a schedule, or get told when a number crosses a line." actions={<Button variant="secondary" onClick={() => runNow.mutate()}>Run due now</Button>} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card>
          <CardHeader>
            <CardTitle>New schedule</CardTitle>
            <CardDescription>Mails go through the portal's outbox.</CardDescription>
          </CardHeader>
          <CardContent>
            <form className="space-y-3" onSubmit={onSubmit}>
              <div className="space-y-1">
                <Label htmlFor="sc-name">Name</Label>
                <Input id="sc-name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} placeholder="Monday pipeline" />
              </div>
              <div className="space-y-1">
                <Label htmlFor="sc-kind">Kind</Label>
                <Select id="sc-kind" value={form.kind} onValueChange={(v) => setForm({ ...form, kind: v as Kind })} options={KINDS} />
              </div>
              {(form.kind === "report" || form.kind === "alert") && (
                <div className="space-y-1">
                  <Label htmlFor="sc-report">Saved report</Label>
                  <Select id="sc-report" value={form.reportId} placeholder="Pick a report" onValueChange={(v) => setForm({ ...form, reportId: v })} options={(reports.data ?? []).map((r) => ({ value: r.id, label: r.name }))} />
                </div>
              )}
              {form.kind === "report" && (
                <div className="space-y-1">
                  <Label htmlFor="sc-format">Attachment</Label>
                  <Select id="sc-format" value={form.format} onValueChange={(v) => setForm({ ...form, format: v as "csv" })} options={[{ value: "csv", label: "CSV" }, { value: "xlsx", label: "Excel (XLSX)" }]} />
                </div>
              )}
              {form.kind === "dashboard" && (
                <div className="space-y-1">
                  <Label htmlFor="sc-dashboard">Dashboard</Label>
                  <Select id="sc-dashboard" value={form.dashboardId} placeholder="Pick a dashboard" onValueChange={(v) => setForm({ ...form, dashboardId: v })} options={(dashboards.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
                  <p className="text-xs text-muted-foreground">Its KPI tiles as a table in the mail, with the values attached as CSV.</p>
                </div>
              )}
              {form.kind === "kpi_alert" && (
                <div className="space-y-1">
                  <Label htmlFor="sc-kpi">KPI</Label>
                  <Select id="sc-kpi" value={form.kpi} onValueChange={(v) => setForm({ ...form, kpi: v as AlertKpi })} options={ALERT_KPIS.map((k) => ({ value: k, label: KPIS[k].label }))} />
                </div>
              )}
              {(form.kind === "alert" || form.kind === "kpi_alert") && (
                <div className={`grid gap-2 ${form.kind === "alert" ? "grid-cols-3" : "grid-cols-2"}`}>
                  {form.kind === "alert" && (
                    <div className="space-y-1">
                      <Label htmlFor="sc-measure">Column</Label>
                      <Input id="sc-measure" required value={form.measure} onChange={(e) => setForm({ ...form, measure: e.target.value })} placeholder="sum_amount" />
                    </div>
                  )}
                  <div className="space-y-1">
                    <Label htmlFor="sc-op">Is</Label>
                    <Select id="sc-op" value={form.op} onValueChange={(v) => setForm({ ...form, op: v as Form["op"] })} options={[{ value: "lt", label: "under" }, { value: "lte", label: "at most" }, { value: "gt", label: "over" }, { value: "gte", label: "at least" }]} />
                  </div>
                  <div className="space-y-1">
                    <Label htmlFor="sc-threshold">Value</Label>
                    <Input id="sc-threshold" required inputMode="decimal" value={form.threshold} onChange={(e) => setForm({ ...form, threshold: e.target.value })} placeholder={form.kind === "kpi_alert" ? "3" : ""} />
                  </div>
                </div>
              )}
              {(form.kind === "dashboard" || form.kind === "kpi_alert") && (
                <div className="space-y-3">
                  <div className="space-y-1">
                    <Label htmlFor="sc-period">Period</Label>
                    <Select id="sc-period" value={form.period} onValueChange={(v) => setForm({ ...form, period: v as Period })} options={PERIODS} />
                  </div>
                  <div className="space-y-1">
                    <Label htmlFor="sc-team">Team</Label>
                    <Select id="sc-team" value={form.teamId} onValueChange={(v) => setForm({ ...form, teamId: v })} options={[{ value: "all", label: "Everyone I see" }, ...(options.data?.teams ?? []).map((t) => ({ value: t.id, label: t.name }))]} />
                  </div>
                </div>
              )}
              <div className="space-y-1">
                <Label htmlFor="sc-cadence">When</Label>
                <Select id="sc-cadence" value={form.cadence} onValueChange={(v) => setForm({ ...form, cadence: v })} options={CADENCES} />
                {form.cadence === "custom" && <Input aria-label="Cron expression" value={form.cron} onChange={(e) => setForm({ ...form, cron: e.target.value })} placeholder="30 7 * * 1-5" />}
              </div>
              <div className="space-y-1">
                <Label htmlFor="sc-tz">Time zone</Label>
                <Input id="sc-tz" value={form.timeZone} onChange={(e) => setForm({ ...form, timeZone: e.target.value })} />
              </div>
              <div className="space-y-1">
                <Label htmlFor="sc-to">Recipients</Label>
                <Input id="sc-to" required value={form.recipients} onChange={(e) => setForm({ ...form, recipients: e.target.value })} placeholder="cro@acme.example, ops@acme.example" />
              </div>
              <Button type="submit" variant="primary" className="w-full" disabled={create.isPending || !ready(form)}>Save schedule</Button>
            </form>
          </CardContent>
        </Card>
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader>
              <CardTitle>Schedules</CardTitle>
            </CardHeader>
            <CardContent>
              {list.isPending ? <LoadingState /> : list.error ? <ErrorState message={errorText(list.error)} /> : !list.data.length ? (
                <EmptyState title="Nothing scheduled" text="Pick what to send and a cadence." size="compact" />
              ) : (
                <SimpleTable
                  rows={list.data}
                  rowKey={(s) => s.id}
                  columns={[
                    { key: "name", label: "Name", render: (s) => s.name },
                    { key: "kind", label: "Kind", render: (s) => <Badge tone={s.kind === "alert" || s.kind === "kpi_alert" ? "warning" : "info"}>{KIND_LABELS[s.kind]}</Badge> },
                    { key: "cron", label: "Cron", render: (s) => <code className="whitespace-nowrap text-xs">{s.cron}</code> },
                    { key: "tz", label: "Zone", render: (s) => s.timeZone },
                    { key: "next", label: "Next", render: (s) => (s.nextDueAt ? new Date(s.nextDueAt).toLocaleString() : "paused") },
                    { key: "to", label: "To", render: (s) => s.recipients.join(", ") },
                    { key: "x", label: "", render: (s) => <Button variant="ghost" size="sm" onClick={() => remove.mutate(s.id)}>Delete</Button> },
                  ]}
                />
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Recent runs</CardTitle>
              <CardDescription>One run per schedule and due time.</CardDescription>
            </CardHeader>
            <CardContent>
              <SimpleTable
                rows={runs.data ?? []}
                rowKey={(r) => r.id}
                empty="No runs yet."
                columns={[
                  { key: "s", label: "Schedule", render: (r) => names.get(r.scheduleId) ?? "—" },
                  { key: "due", label: "Due", render: (r) => new Date(r.dueAt).toLocaleString() },
                  { key: "status", label: "Status", render: (r) => <Badge tone={r.status === "failed" ? "danger" : r.status === "sent" ? "success" : "neutral"}>{r.status}</Badge> },
                  { key: "mails", label: "Mails", align: "right", render: (r) => r.mails },
                  { key: "value", label: "Value", align: "right", render: (r) => r.value ?? "—" },
                  {
                    key: "note",
                    label: "Note",
                    render: (r) =>
                      r.error ? (
                        <span className={r.status === "failed" ? "text-destructive" : "text-muted-foreground"} title={r.error}>
                          {r.status === "failed" ? r.error : `Attempt ${r.attempts} failed, retrying: ${r.error}`}
                        </span>
                      ) : r.status === "pending" ? <span className="text-muted-foreground">Queued</span> : r.fired ? "Condition held" : r.fired === false ? "Condition did not hold" : "",
                  },
                ]}
              />
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}
