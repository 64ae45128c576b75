import { Filter } from "lucide-react";
import type { ReactNode } from "react";
import { Funnel, FunnelChart as RechartsFunnelChart, ResponsiveContainer, Tooltip } from "recharts";
import { EmptyState } from "../feedback/empty-state.tsx";
import { cn } from "../lib/cn.ts";
import { formatPercent } from "../lib/format/format-number.ts";
import { Skeleton } from "../primitives/skeleton.tsx";
import { shouldAnimate } from "./cartesian.tsx";
import {
  chartColor,
  displayValue,
  isChartEmpty,
  plotKey,
  toPlotData,
  type ChartDatum,
  type ChartValueFormatter,
} from "./chart-data.ts";

export interface FunnelStage {
  name: string;
  value: number | string;
  /** The value already formatted. */
  label?: string;
}

export interface FunnelChartProps {
  /** Stages from the widest (top) to the narrowest. */
  data: readonly FunnelStage[];
  label: string;
  valueFormatter?: ChartValueFormatter;
  height?: number;
  loading?: boolean;
  emptyState?: ReactNode;
  animate?: boolean;
  className?: string;
}

const VALUE = { key: "value", formattedKey: "label" } as const;

/** A conversion funnel (lead → opportunity → won): the shape, and per stage its value and conversion. */
export function FunnelChart({ data, label, valueFormatter, height = 260, loading, emptyState, animate, className }: FunnelChartProps) {
  const stages = toPlotData(data as unknown as ChartDatum[], ["value"]).map(
    (stage, index): ChartDatum & { fill: string; fillOpacity: number } => ({
      ...stage,
      fill: chartColor(0),
      // One hue fading stage by stage reads as "the same deals, fewer of them".
      fillOpacity: 1 - (index / Math.max(data.length, 1)) * 0.6,
    }),
  );
  const numbers = stages.map((stage) => Number(stage[plotKey("value")]) || 0);
  const first = numbers[0] ?? 0;

  if (loading) {
    return (
      <div role="status" aria-label={`Loading ${label}`} style={{ height }} className={className}>
        <Skeleton className="size-full" />
      </div>
    );
  }
  if (isChartEmpty(stages, ["value"]) || first === 0) {
    return (
      <div style={{ minHeight: height }} className={cn("grid place-items-center", className)}>
        {emptyState ?? <EmptyState size="compact" icon={<Filter />} title="No data" text="No stage has any volume yet." />}
      </div>
    );
  }

  return (
    <figure className={cn("m-0 grid min-w-0 gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)]", className)}>
      <div role="img" aria-label={label} style={{ height }} className="min-w-0">
        <ResponsiveContainer width="100%" height="100%">
          <RechartsFunnelChart margin={{ top: 0, right: 0, bottom: 0, left: 0 }}>
            <Tooltip
              content={({ active, payload }) => {
                const stage = payload?.[0]?.payload as Record<string, unknown> | undefined;
                if (!active || !stage) return null;
                return (
                  <div className="rounded-md border border-border bg-popover px-2.5 py-2 text-xs text-popover-foreground shadow-lg">
                    <p className="font-medium">{String(stage["name"])}</p>
                    <p className="mt-1 tabular-nums">{displayValue(stage, VALUE, valueFormatter)}</p>
                  </div>
                );
              }}
            />
            <Funnel
              data={stages}
              dataKey={plotKey("value")}
              nameKey="name"
              stroke="var(--color-card)"
              strokeWidth={2}
              lastShapeType="rectangle"
              isAnimationActive={shouldAnimate(animate)}
            />
          </RechartsFunnelChart>
        </ResponsiveContainer>
      </div>
      <table className="self-center text-sm">
        <caption className="sr-only">{label}</caption>
        <thead>
          <tr className="text-xs text-muted-foreground">
            <th scope="col" className="pb-1.5 text-left font-medium">Stage</th>
            <th scope="col" className="pb-1.5 text-right font-medium">Value</th>
            <th scope="col" className="pb-1.5 pl-3 text-right font-medium">Conversion</th>
          </tr>
        </thead>
        <tbody>
          {stages.map((stage, index) => {
            const previous = index > 0 ? (numbers[index - 1] ?? 0) : 0;
            const current = numbers[index] ?? 0;
            return (
              <tr key={`${String(stage["name"])}-${index}`} className="border-t border-border">
                <th scope="row" className="py-1.5 text-left font-normal">
                  <span className="flex items-center gap-2">
                    <span
                      aria-hidden="true"
                      className="size-2.5 shrink-0 rounded-[3px]"
                      style={{ background: stage.fill, opacity: stage.fillOpacity }}
                    />
                    <span className="truncate">{String(stage["name"])}</span>
                  </span>
                </th>
                <td className="py-1.5 text-right font-medium tabular-nums">{displayValue(stage, VALUE, valueFormatter)}</td>
                <td className="py-1.5 pl-3 text-right text-muted-foreground tabular-nums">
                  {index === 0 ? "—" : previous > 0 ? formatPercent(current / previous) : "—"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </figure>
  );
}
