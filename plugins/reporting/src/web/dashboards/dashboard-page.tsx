import { useOrganization, usePermissions } from "@opsdeck/plugin-sdk/web";
import { Badge, Button, EmptyState, ErrorState, formatRelativeTime, Input, LoadingState, PageHeader, Select, toast } from "@opsdeck/ui";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { LayoutDashboard, Pencil, Plus, RefreshCw, Save } from "lucide-react";
import { useMemo, useState } from "react";
import type { Widget } from "../../dashboards/widgets.ts";
import { AddWidgetDialog } from "./add-widget-dialog.tsx";
import { errorText, useDashboardClient, useDashboardQueries, type DashboardData, type KpiAnswerView } from "./api.ts";
import type { DrillRequest } from "./drill.ts";
import { DrilldownSheet } from "./drilldown-sheet.tsx";
import { FilterBar } from "./filter-bar.tsx";
import { usePluginWidgets } from "./plugin-widget.tsx";
import { filtersOf, type DashboardSearch } from "./search.ts";
import { WidgetGrid } from "./widget-grid.tsx";

const MANAGE = "reporting.dashboards.manage";

interface Draft {
  name: string;
  widgets: Widget[];
  sharing: "private" | "organization";
}

function Freshness({ answer, onRefresh, refreshing }: { answer: KpiAnswerView | undefined; onRefresh?: () => void; refreshing: boolean }) {
  if (!answer) return null;
  return (
    <div className="flex items-center gap-2 text-xs text-muted-foreground">
      {answer.source === "live" ? <Badge tone="warning">Live (building aggregates)</Badge> : null}
      <span title={answer.asOf}>Data as of {formatRelativeTime(answer.asOf)}</span>
      {onRefresh ? (
        <Button variant="ghost" size="sm" onClick={onRefresh} disabled={refreshing}>
          <RefreshCw aria-hidden="true" /> Refresh
        </Button>
      ) : null}
    </div>
  );
}

/** One dashboard: shared filters in the URL, widgets on a grid, every number drilling down; editable when custom. */
export function DashboardPage() {
  // The plugin's routes are not in the shell's typed route tree: read them loosely, then narrow.
  const params: Record<string, string | undefined> = useParams({ strict: false });
  const dashboardId = params.dashboardId ?? "";
  const rawSearch: Record<string, unknown> = useSearch({ strict: false });
  const search = rawSearch as DashboardSearch;
  const navigate = useNavigate();
  const { fiscalYearStartMonth } = useOrganization();
  const { has } = usePermissions();
  const q = useDashboardQueries();
  const api = useDashboardClient();
  const client = useQueryClient();
  const filters = useMemo(() => filtersOf(search, fiscalYearStartMonth), [search, fiscalYearStartMonth]);
  const dashboard = useQuery(q.dashboards.get.queryOptions({ id: dashboardId }));
  const kpis = useQuery({ ...q.kpis.get.queryOptions(filters), placeholderData: keepPreviousData });
  const contributions = usePluginWidgets();
  const [drill, setDrill] = useState<DrillRequest | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [adding, setAdding] = useState(false);
  const setSearch = (patch: Partial<DashboardSearch>) =>
    void navigate({ to: ".", search: ((prev: DashboardSearch) => ({ ...prev, ...patch })), replace: true });

  const refresh = useMutation({
    mutationFn: () => api.kpis.refresh.mutate({ rebuild: false }),
    onSuccess: () => toast.success("Refreshing the numbers in the background"),
    onError: (err) => toast.error(errorText(err)),
  });
  const save = useMutation({
    mutationFn: (d: Draft) => api.dashboards.update.mutate({ id: dashboardId, ...d }),
    onSuccess: async () => {
      setDraft(null);
      setSearch({ edit: undefined });
      toast.success("Dashboard saved");
      await client.invalidateQueries({ queryKey: q.dashboards.pathKey() });
    },
    onError: (err) => toast.error(errorText(err)),
  });
  const customize = useMutation({
    mutationFn: (d: DashboardData) => api.dashboards.create.mutate({ name: `${d.name} (copy)`, description: d.description, widgets: withContributions(d) }),
    onSuccess: async (made) => {
      await client.invalidateQueries({ queryKey: q.dashboards.pathKey() });
      void navigate({ to: "/reporting/dashboards/$dashboardId", params: { dashboardId: made.id }, search: { ...search, edit: true } });
    },
    onError: (err) => toast.error(errorText(err)),
  });

  // Plugin widgets join the Executive dashboard, placed like any other widget.
  function withContributions(d: DashboardData): Widget[] {
    if (d.id !== "executive") return d.widgets;
    const extra: Widget[] = contributions.map((c) => ({ id: `${c.pluginId}:${c.id}`, kind: "plugin", pluginId: c.pluginId, contributionId: c.id, size: "medium", title: c.title }));
    return [...d.widgets, ...extra];
  }

  if (dashboard.isPending) return <LoadingState label="Loading dashboard" />;
  if (dashboard.isError) {
    return <ErrorState title="This dashboard could not be opened" message={errorText(dashboard.error)} onRetry={() => void dashboard.refetch()} />;
  }
  const d = dashboard.data;
  const editing = Boolean(search.edit && d.editable);
  const widgets = editing ? (draft?.widgets ?? d.widgets) : withContributions(d);
  const name = editing ? (draft?.name ?? d.name) : d.name;
  const sharing = draft?.sharing ?? d.sharing;
  const setWidgets = (next: Widget[]) => setDraft({ name, widgets: next, sharing });

  return (
    <div className="flex flex-col gap-4 p-4 md:p-6">
      <PageHeader
        title={editing ? <Input aria-label="Dashboard name" value={name} onChange={(e) => setDraft({ name: e.target.value, widgets, sharing })} className="h-9 max-w-md text-lg" /> : d.name}
        description={d.description || undefined}
        breadcrumbs={[{ label: "Dashboards", href: "/reporting/dashboards" }, { label: d.name }]}
        actions={
          editing ? (
            <>
              <Button variant="ghost" onClick={() => (setDraft(null), setSearch({ edit: undefined }))}>
                Cancel
              </Button>
              <Select
                aria-label="Who sees it"
                className="w-44"
                value={sharing}
                onValueChange={(v) => setDraft({ name, widgets, sharing: v as Draft["sharing"] })}
                options={[
                  { value: "private", label: "Only me" },
                  { value: "organization", label: "Everyone" },
                ]}
              />
              <Button onClick={() => setAdding(true)}>
                <Plus aria-hidden="true" /> Add widget
              </Button>
              <Button variant="primary" disabled={save.isPending || !name.trim()} onClick={() => save.mutate({ name: name.trim(), widgets, sharing })}>
                <Save aria-hidden="true" /> Save
              </Button>
            </>
          ) : d.editable ? (
            <Button onClick={() => setSearch({ edit: true })}>
              <Pencil aria-hidden="true" /> Edit
            </Button>
          ) : has(MANAGE) ? (
            <Button onClick={() => customize.mutate(d)} disabled={customize.isPending}>
              <Pencil aria-hidden="true" /> Customize a copy
            </Button>
          ) : null
        }
      >
        <div className="flex flex-wrap items-center justify-between gap-3">
          <FilterBar filters={filters} onChange={setSearch} />
          <Freshness answer={kpis.data} refreshing={refresh.isPending} onRefresh={has(MANAGE) ? () => refresh.mutate() : undefined} />
        </div>
      </PageHeader>
      {kpis.isError ? <ErrorState size="compact" title="The numbers could not be loaded" message={errorText(kpis.error)} onRetry={() => void kpis.refetch()} /> : null}
      {widgets.length === 0 ? (
        <EmptyState
          icon={<LayoutDashboard />}
          title="No widgets yet"
          text={editing ? "Add KPI tiles, charts, tables or widgets from other plugins." : "Edit the dashboard to add KPI tiles, charts and tables."}
          action={editing ? <Button variant="primary" onClick={() => setAdding(true)}>Add widget</Button> : d.editable ? <Button onClick={() => setSearch({ edit: true })}>Edit</Button> : undefined}
        />
      ) : (
        <WidgetGrid widgets={widgets} answer={kpis.data} loading={kpis.isPending} filters={filters} onDrill={setDrill} onChange={editing ? setWidgets : undefined} />
      )}
      <AddWidgetDialog open={adding} onOpenChange={setAdding} onAdd={(w) => setWidgets([...widgets, w])} />
      <DrilldownSheet drill={drill} onClose={() => setDrill(null)} />
    </div>
  );
}
