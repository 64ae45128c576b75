import { BarChart, Button, Card, CardContent, CardDescription, CardHeader, CardTitle, EmptyState, ErrorState, Input, Label, LoadingState, PageHeader, Select, StatTile, toast } from "@opsdeck/ui";
import { useOrganization, useCurrentUser } from "@opsdeck/plugin-sdk/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { errorText, money, moneyShort, useReportingQueries } from "./api.ts";
import { SimpleTable } from "./simple-table.tsx";

/** Forecasts: submit this week's call, the team roll-up, history by week and pipeline movement. */
export function ForecastsPage() {
  const q = useReportingQueries();
  const rollup = useQuery(q.forecasts.rollup.queryOptions({}));
  const history = useQuery(q.forecasts.history.queryOptions({}));
  const currency = useOrganization()?.currency ?? "USD";
  return (
    <div className="space-y-6">
      <PageHeader title="Forecasts" description={rollup.data ? `${rollup.data.period.name} · ${rollup.data.period.startsOn} – ${rollup.data.period.endsOn}` : "Weekly calls, roll-up and pipeline movement"} />
      <div className="grid gap-6 lg:grid-cols-3">
        <SubmitCard currency={currency} isManager={rollup.data?.managerId != null} />
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Roll-up</CardTitle>
            <CardDescription>Each person's latest call for the quarter, and live CRM numbers.</CardDescription>
          </CardHeader>
          <CardContent className="space-y-4">
            {rollup.isPending ? <LoadingState /> : rollup.error ? <ErrorState title="Could not load the roll-up" message={errorText(rollup.error)} /> : (
              <>
                <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
                  <StatTile label="Commit (sum)" value={moneyShort(rollup.data.total.commit, currency)} />
                  <StatTile label="Best case (sum)" value={moneyShort(rollup.data.total.bestCase, currency)} />
                  <StatTile label="Won to date" value={moneyShort(rollup.data.total.wonToDate, currency)} />
                  <StatTile label="Manager's call" value={rollup.data.managerCall ? moneyShort(rollup.data.managerCall.commit, currency) : "—"} />
                </div>
                <SimpleTable
                  rows={rollup.data.rows}
                  rowKey={(r) => r.userId}
                  empty="Nobody in view yet."
                  columns={[
                    { key: "name", label: "Person", render: (r) => r.name },
                    { key: "commit", label: "Commit", align: "right", render: (r) => money(r.call?.commit, currency) },
                    { key: "best", label: "Best case", align: "right", render: (r) => money(r.call?.bestCase, currency) },
                    { key: "won", label: "Won", align: "right", render: (r) => money(r.wonToDate, currency) },
                    { key: "open", label: "Open pipeline", align: "right", render: (r) => money(r.openPipeline, currency) },
                    { key: "at", label: "Submitted", render: (r) => (r.call ? new Date(r.call.submittedAt).toLocaleDateString() : <span className="text-muted-foreground">no call</span>) },
                  ]}
                />
              </>
            )}
          </CardContent>
        </Card>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>History by week</CardTitle>
          <CardDescription>{history.data ? `Accuracy is measured against the calls made before ${new Date(history.data.cutoffAt).toLocaleDateString()} (end of week 4).` : ""}</CardDescription>
        </CardHeader>
        <CardContent>
          {history.isPending ? <LoadingState /> : history.error ? <ErrorState title="Could not load the history" message={errorText(history.error)} /> : (
            <BarChart
              label="Forecast history by week"
              data={history.data.weeks.map((w) => ({ week: w.weekStart, commit: w.commit, won: w.wonToDate, pipeline: w.snapshotPipeline ?? "0" }))}
              xKey="week"
              series={[{ key: "commit", label: "Commit" }, { key: "won", label: "Won to date" }, { key: "pipeline", label: "Snapshot pipeline" }]}
              valueFormatter={(v) => money(String(v), currency)}
              height={260}
              animate={false}
              emptyState={<EmptyState title="No weeks yet" size="compact" />}
            />
          )}
        </CardContent>
      </Card>
      <MovementCard currency={currency} />
    </div>
  );
}

function SubmitCard({ currency, isManager }: { currency: string; isManager: boolean }) {
  const q = useReportingQueries();
  const client = useQueryClient();
  const user = useCurrentUser();
  const [form, setForm] = useState({ commit: "", bestCase: "", pipeline: "", scope: "self" as "self" | "team" });
  const submit = useMutation(
    q.forecasts.submit.mutationOptions({
      onSuccess: async () => {
        toast.success("Forecast submitted");
        setForm((f) => ({ ...f, commit: "", bestCase: "", pipeline: "" }));
        await client.invalidateQueries({ queryKey: q.forecasts.pathKey() });
      },
      onError: (err) => toast.error(errorText(err)),
    }),
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit.mutate(form);
  };
  return (
    <Card className="self-start">
      <CardHeader>
        <CardTitle>This week's call</CardTitle>
        <CardDescription>{user?.name ? `${user.name}, amounts in ${currency}.` : `Amounts in ${currency}.`}</CardDescription>
      </CardHeader>
      <CardContent>
        <form className="space-y-3" onSubmit={onSubmit}>
          {isManager && (
            <div className="space-y-1">
              <Label htmlFor="fc-scope">For</Label>
              <Select id="fc-scope" value={form.scope} onValueChange={(v) => setForm({ ...form, scope: v as "self" | "team" })} options={[{ value: "self", label: "My own deals" }, { value: "team", label: "My whole team (manager's call)" }]} />
            </div>
          )}
          {(["commit", "bestCase", "pipeline"] as const).map((k) => (
            <div key={k} className="space-y-1">
              <Label htmlFor={`fc-${k}`}>{k === "bestCase" ? "Best case" : k === "commit" ? "Commit" : "Pipeline"}</Label>
              <Input id={`fc-${k}`} inputMode="decimal" required placeholder="0.00" value={form[k]} onChange={(e) => setForm({ ...form, [k]: e.target.value })} />
            </div>
          ))}
          <Button type="submit" variant="primary" disabled={submit.isPending} className="w-full">
            {submit.isPending ? "Submitting…" : "Submit forecast"}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}

const KIND_LABEL = { came_in: "Came in", slipped: "Slipped", won: "Won", lost: "Lost", removed: "Removed", changed: "Amount changed" } as const;

function MovementCard({ currency }: { currency: string }) {
  const q = useReportingQueries();
  const snapshots = useQuery(q.forecasts.snapshots.queryOptions());
  const days = snapshots.data?.map((s) => s.takenOn) ?? [];
  const [pick, setPick] = useState<{ from?: string; to?: string }>({});
  const to = pick.to ?? days[0];
  const from = pick.from ?? days[1];
  const movement = useQuery({ ...q.forecasts.movement.queryOptions({ from: from ?? "", to: to ?? "" }), enabled: Boolean(from && to && from < to) });
  const options = days.map((d) => ({ value: d, label: `Week of ${d}` }));
  return (
    <Card>
      <CardHeader>
        <CardTitle>Pipeline movement</CardTitle>
        <CardDescription>What happened to this quarter's pipeline between two weekly snapshots.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {snapshots.isPending ? <LoadingState /> : days.length < 2 ? (
          <EmptyState title="Not enough snapshots yet" text="The pipeline is snapshotted every week; movement needs two." size="compact" />
        ) : (
          <>
            <div className="flex flex-wrap items-end gap-3">
              <div className="space-y-1">
                <Label htmlFor="mv-from">From</Label>
                <Select id="mv-from" value={from} onValueChange={(v) => setPick({ ...pick, from: v })} options={options} className="w-48" />
              </div>
              <div className="space-y-1">
                <Label htmlFor="mv-to">To</Label>
                <Select id="mv-to" value={to} onValueChange={(v) => setPick({ ...pick, to: v })} options={options} className="w-48" />
              </div>
            </div>
            {movement.error ? <ErrorState title="Could not compare" message={errorText(movement.error)} /> : movement.data ? (
              <>
                <div className="grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-8">
                  <StatTile label="Start" value={moneyShort(movement.data.start, currency)} />
                  {(Object.keys(KIND_LABEL) as (keyof typeof KIND_LABEL)[]).map((k) => (
                    <StatTile key={k} label={`${KIND_LABEL[k]} (${movement.data.totals[k].count})`} value={moneyShort(movement.data.totals[k].amount, currency)} />
                  ))}
                  <StatTile label="End" value={moneyShort(movement.data.end, currency)} />
                </div>
                <SimpleTable
                  rows={movement.data.lines.slice(0, 100)}
                  rowKey={(l) => l.opportunityId}
                  columns={[
                    { key: "kind", label: "Movement", render: (l) => KIND_LABEL[l.kind] },
                    { key: "name", label: "Opportunity", render: (l) => l.name ?? "—" },
                    { key: "before", label: "Before", align: "right", render: (l) => money(l.before, currency) },
                    { key: "after", label: "After", align: "right", render: (l) => money(l.after, currency) },
                    { key: "close", label: "Close date", render: (l) => `${l.closeDateBefore ?? "—"} → ${l.closeDateAfter ?? "—"}` },
                  ]}
                />
              </>
            ) : <LoadingState />}
          </>
        )}
      </CardContent>
    </Card>
  );
}
