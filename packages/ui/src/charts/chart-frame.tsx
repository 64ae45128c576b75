import { BarChart3 } from "lucide-react";
import type { ReactElement, ReactNode } from "react";
import { ResponsiveContainer } from "recharts";
import { EmptyState } from "../feedback/empty-state.tsx";
import { cn } from "../lib/cn.ts";
import { Skeleton } from "../primitives/skeleton.tsx";

export interface ChartLegendItem {
  label: string;
  color: string;
  /** A value next to the label (pie slices). */
  value?: string;
}

/** The row of series names and colours under a chart. */
export function ChartLegend({ items, className }: { items: readonly ChartLegendItem[]; className?: string }) {
  return (
    <ul className={cn("flex flex-wrap items-center justify-center gap-x-4 gap-y-1 text-xs", className)}>
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-1.5">
          <span aria-hidden="true" className="size-2.5 shrink-0 rounded-[3px]" style={{ background: item.color }} />
          <span className="text-muted-foreground">{item.label}</span>
          {item.value ? <span className="font-medium tabular-nums text-foreground">{item.value}</span> : null}
        </li>
      ))}
    </ul>
  );
}

export interface ChartFrameProps {
  /** The chart's accessible name (e.g. "Revenue by month"). */
  label: string;
  height: number;
  loading?: boolean;
  empty?: boolean;
  emptyState?: ReactNode;
  legend?: readonly ChartLegendItem[];
  className?: string;
  /** HTML laid over the chart's centre (a donut's total). */
  overlay?: ReactNode;
  children: ReactElement;
}

/** Shared frame of every chart: responsive size, loading skeleton, empty state and legend. */
export function ChartFrame({
  label,
  height,
  loading,
  empty,
  emptyState,
  legend,
  className,
  overlay,
  children,
}: ChartFrameProps) {
  let body: ReactNode;
  if (loading) {
    body = (
      <div role="status" aria-label={`Loading ${label}`} style={{ height }}>
        <Skeleton className="size-full" />
      </div>
    );
  } else if (empty) {
    body = (
      <div style={{ minHeight: height }} className="grid place-items-center">
        {emptyState ?? <EmptyState size="compact" icon={<BarChart3 />} title="No data" text="Nothing to chart for this selection." />}
      </div>
    );
  } else {
    body = (
      <div role="img" aria-label={label} style={{ height }} className="relative w-full min-w-0">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
        {overlay ? (
          <div className="pointer-events-none absolute inset-0 grid place-items-center text-center">{overlay}</div>
        ) : null}
      </div>
    );
  }
  return (
    <figure className={cn("m-0 flex min-w-0 flex-col gap-3", className)}>
      {body}
      {legend && legend.length > 0 && !loading && !empty ? <ChartLegend items={legend} /> : null}
    </figure>
  );
}
