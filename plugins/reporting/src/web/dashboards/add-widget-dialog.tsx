import { Button, Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, Input, Label, Select } from "@opsdeck/ui";
import { useState } from "react";
import { CHART_BREAKDOWN_LABELS, CHART_BREAKDOWNS_WEB, TABLE_BREAKDOWNS_WEB } from "./widget-options.ts";
import type { Widget } from "../../dashboards/widgets.ts";
import { KPI_KEYS, KPIS, type KpiKey } from "../../kpis/catalogue.ts";
import { usePluginWidgets } from "./plugin-widget.tsx";

type Kind = Widget["kind"];

/** Adds a KPI tile, a chart, a table or a widget another plugin contributes. */
export function AddWidgetDialog({ open, onOpenChange, onAdd }: { open: boolean; onOpenChange: (open: boolean) => void; onAdd: (widget: Widget) => void }) {
  const contributions = usePluginWidgets();
  const [kind, setKind] = useState<Kind>("kpi");
  const [kpi, setKpi] = useState<KpiKey>("closed_won_amount");
  const [chart, setChart] = useState<(typeof CHART_BREAKDOWNS_WEB)[number]>("won_over_time");
  const [chartType, setChartType] = useState<"bar" | "line" | "area">("bar");
  const [table, setTable] = useState<(typeof TABLE_BREAKDOWNS_WEB)[number]>("by_owner");
  const [plugin, setPlugin] = useState<string>("");
  const [title, setTitle] = useState("");
  const id = `${kind}-${Date.now().toString(36)}`;
  const named = title.trim() ? { title: title.trim() } : {};
  const contribution = contributions.find((c) => `${c.pluginId}:${c.id}` === plugin);
  const widget: Widget | null =
    kind === "kpi"
      ? { id, kind, kpi, size: KPIS[kpi].format === "stages" ? "medium" : "small", ...named }
      : kind === "chart"
        ? { id, kind, breakdown: chart, chart: chartType, size: "medium", title: title.trim() || CHART_BREAKDOWN_LABELS[chart] }
        : kind === "table"
          ? { id, kind, breakdown: table, size: "large", title: title.trim() || CHART_BREAKDOWN_LABELS[table] }
          : contribution
            ? { id, kind, pluginId: contribution.pluginId, contributionId: contribution.id, size: "medium", ...named }
            : null;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Add a widget</DialogTitle>
          <DialogDescription>It uses the dashboard's filters; every number on it opens the records behind it.</DialogDescription>
        </DialogHeader>
        <div className="flex flex-col gap-3">
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="widget-kind">Kind</Label>
            <Select
              id="widget-kind"
              value={kind}
              onValueChange={(v) => setKind(v as Kind)}
              options={[
                { value: "kpi", label: "KPI tile" },
                { value: "chart", label: "Chart" },
                { value: "table", label: "Table" },
                { value: "plugin", label: "Widget from a plugin", disabled: contributions.length === 0 },
              ]}
            />
          </div>
          {kind === "kpi" ? (
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="widget-kpi">KPI</Label>
              <Select id="widget-kpi" value={kpi} onValueChange={(v) => setKpi(v as KpiKey)} options={KPI_KEYS.map((k) => ({ value: k, label: KPIS[k].label }))} />
            </div>
          ) : null}
          {kind === "chart" ? (
            <div className="grid grid-cols-2 gap-3">
              <div className="flex flex-col gap-1.5">
                <Label htmlFor="widget-chart">Data</Label>
                <Select id="widget-chart" value={chart} onValueChange={(v) => setChart(v as typeof chart)} options={CHART_BREAKDOWNS_WEB.map((b) => ({ value: b, label: CHART_BREAKDOWN_LABELS[b] }))} />
              </div>
              <div className="flex flex-col gap-1.5">
                <Label htmlFor="widget-chart-type">Chart</Label>
                <Select
                  id="widget-chart-type"
                  value={chartType}
                  onValueChange={(v) => setChartType(v as typeof chartType)}
                  options={[
                    { value: "bar", label: "Bars" },
                    { value: "line", label: "Line" },
                    { value: "area", label: "Area" },
                  ]}
                />
              </div>
            </div>
          ) : null}
          {kind === "table" ? (
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="widget-table">Rows</Label>
              <Select id="widget-table" value={table} onValueChange={(v) => setTable(v as typeof table)} options={TABLE_BREAKDOWNS_WEB.map((b) => ({ value: b, label: CHART_BREAKDOWN_LABELS[b] }))} />
            </div>
          ) : null}
          {kind === "plugin" ? (
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="widget-plugin">Widget</Label>
              <Select
                id="widget-plugin"
                value={plugin}
                placeholder="Pick a widget"
                onValueChange={setPlugin}
                options={contributions.map((c) => ({ value: `${c.pluginId}:${c.id}`, label: `${c.title ?? c.id} (${c.pluginId})` }))}
              />
            </div>
          ) : null}
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="widget-title">Title (optional)</Label>
            <Input id="widget-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={120} />
          </div>
        </div>
        <DialogFooter>
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button
            variant="primary"
            disabled={!widget}
            onClick={() => {
              if (!widget) return;
              onAdd(widget);
              setTitle("");
              onOpenChange(false);
            }}
          >
            Add widget
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
