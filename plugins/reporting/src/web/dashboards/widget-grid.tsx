import { Button, cn, IconButton, Select } from "@opsdeck/ui";
import { ArrowLeft, ArrowRight, Trash2 } from "lucide-react";
import type { Filters } from "./api.ts";
import type { Widget } from "../../dashboards/widgets.ts";
import type { KpiAnswerView } from "./api.ts";
import { ChartWidget, TableWidget } from "./breakdown-widgets.tsx";
import type { OpenDrill } from "./drill.ts";
import { KpiTile } from "./kpi-widgets.tsx";
import { PluginWidget } from "./plugin-widget.tsx";

const SPAN: Record<Widget["size"], string> = {
  small: "col-span-1",
  medium: "col-span-1 sm:col-span-2",
  large: "col-span-1 sm:col-span-2 lg:col-span-4",
};

function WidgetBody({ widget, answer, loading, filters, onDrill }: { widget: Widget; answer: KpiAnswerView | undefined; loading: boolean; filters: Filters; onDrill: OpenDrill }) {
  switch (widget.kind) {
    case "kpi":
      return <KpiTile kpi={widget.kpi} answer={answer} loading={loading} filters={filters} onDrill={onDrill} title={widget.title} />;
    case "chart":
      return <ChartWidget kind={widget.breakdown} chart={widget.chart} title={widget.title ?? "Chart"} filters={filters} onDrill={onDrill} />;
    case "table":
      return <TableWidget kind={widget.breakdown} title={widget.title ?? "Table"} filters={filters} onDrill={onDrill} />;
    case "plugin":
      return <PluginWidget pluginId={widget.pluginId} contributionId={widget.contributionId} title={widget.title} size={widget.size} filters={filters} />;
  }
}

export interface WidgetGridProps {
  widgets: Widget[];
  answer: KpiAnswerView | undefined;
  loading: boolean;
  filters: Filters;
  onDrill: OpenDrill;
  /** Edit mode: move, size and remove widgets. */
  onChange?: (widgets: Widget[]) => void;
}

/** The dashboard's widgets on a 4-column grid, in order; sizes span 1, 2 or 4 columns. */
export function WidgetGrid({ widgets, answer, loading, filters, onDrill, onChange }: WidgetGridProps) {
  const move = (index: number, by: number) => {
    const next = [...widgets];
    const [w] = next.splice(index, 1);
    next.splice(Math.max(0, Math.min(next.length, index + by)), 0, w!);
    onChange?.(next);
  };
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {widgets.map((widget, index) => (
        <div
          key={widget.id}
          className={cn(
            SPAN[widget.size],
            "flex flex-col gap-1",
            // A tile keeps its own height next to a tall chart instead of stretching into an empty box.
            widget.kind === "kpi" && widget.kpi !== "stage_conversion" && "self-start",
            onChange && "rounded-lg border border-dashed border-input p-1",
          )}
        >
          {onChange ? (
            <div className="flex items-center gap-1" role="toolbar" aria-label={`Arrange ${widget.title ?? widget.id}`}>
              <IconButton label="Move earlier" size="sm" icon={<ArrowLeft />} disabled={index === 0} onClick={() => move(index, -1)} />
              <IconButton label="Move later" size="sm" icon={<ArrowRight />} disabled={index === widgets.length - 1} onClick={() => move(index, 1)} />
              <Select
                aria-label="Size"
                size="sm"
                className="h-7 w-28"
                value={widget.size}
                onValueChange={(size) => onChange(widgets.map((w) => (w.id === widget.id ? { ...w, size: size as Widget["size"] } : w)))}
                options={[
                  { value: "small", label: "Small" },
                  { value: "medium", label: "Medium" },
                  { value: "large", label: "Wide" },
                ]}
              />
              <Button variant="ghost" size="sm" className="ml-auto" onClick={() => onChange(widgets.filter((w) => w.id !== widget.id))}>
                <Trash2 aria-hidden="true" /> Remove
              </Button>
            </div>
          ) : null}
          <div className="min-h-0 flex-1">
            <WidgetBody widget={widget} answer={answer} loading={loading} filters={filters} onDrill={onDrill} />
          </div>
        </div>
      ))}
    </div>
  );
}
