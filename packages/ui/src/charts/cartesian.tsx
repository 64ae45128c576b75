import type { ReactNode } from "react";
import { CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "../lib/format/format-number.ts";
import { chartColor, isChartEmpty, toPlotData, type ChartDatum, type ChartSeries, type ChartValueFormatter } from "./chart-data.ts";
import type { ChartFrameProps } from "./chart-frame.tsx";
import { ChartTooltipContent } from "./chart-tooltip.tsx";

/** Props shared by LineChart, BarChart and AreaChart. */
export interface CartesianChartProps {
  /** One datum per x value, e.g. `{ month: "2025-01", revenue: "12400.50", revenueLabel: "$12,400.50" }`. */
  data: readonly ChartDatum[];
  /** The field holding the x value. */
  xKey: string;
  series: readonly ChartSeries[];
  /** The chart's accessible name. */
  label: string;
  /** Tooltip values: receives the raw value (an exact decimal string stays a string). */
  valueFormatter?: ChartValueFormatter;
  /** Y-axis ticks (plain numbers computed by the axis; default compact). */
  axisFormatter?: (value: number) => string;
  /** X-axis ticks and the tooltip title. */
  xFormatter?: (value: string | number) => string;
  height?: number;
  loading?: boolean;
  emptyState?: ReactNode;
  /** Show the legend (default: when there is more than one series). */
  legend?: boolean;
  /** Turn off the entry animation (screenshots, reduced motion is already honoured). */
  animate?: boolean;
  className?: string;
}

export type ResolvedSeries = ChartSeries & { color: string };

/** Series with their palette colour filled in. */
export function resolveSeries(series: readonly ChartSeries[]): ResolvedSeries[] {
  return series.map((each, index) => ({ ...each, color: each.color ?? chartColor(index) }));
}

/**
 * What every cartesian chart derives from its props: the coloured series, the data keyed for recharts, and
 * the props of its ChartFrame (size, loading, empty state, legend).
 */
export function cartesianSetup(props: CartesianChartProps) {
  const keys = props.series.map((each) => each.key);
  const resolved = resolveSeries(props.series);
  const showLegend = props.legend ?? props.series.length > 1;
  const frame: Omit<ChartFrameProps, "children"> = {
    label: props.label,
    height: props.height ?? 280,
    loading: props.loading,
    empty: isChartEmpty(props.data, keys),
    emptyState: props.emptyState,
    legend: showLegend ? resolved.map(({ label, color }) => ({ label, color })) : undefined,
    className: props.className,
  };
  return { resolved, plotData: toPlotData(props.data, keys), frame };
}

/** Whether entry animations should run (off for users who asked for reduced motion). */
export function shouldAnimate(animate: boolean | undefined): boolean {
  if (animate === false) return false;
  if (typeof window === "undefined" || typeof window.matchMedia !== "function") return true;
  return !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

const tick = { fill: "var(--color-chart-axis)", fontSize: 12 };

/** Grid, axes and tooltip in the kit's style, as direct children for a recharts chart. */
export function cartesianParts(
  props: CartesianChartProps,
  series: readonly ResolvedSeries[],
  options: { cursor: "line" | "band"; total?: (datum: ChartDatum) => string | undefined },
): ReactNode[] {
  const axisFormatter = props.axisFormatter ?? ((value: number) => formatNumber(value, { compact: true }));
  return [
    <CartesianGrid key="grid" vertical={false} stroke="var(--color-chart-grid)" strokeDasharray="3 3" />,
    <XAxis
      key="x"
      dataKey={props.xKey}
      tickLine={false}
      axisLine={false}
      tickMargin={8}
      minTickGap={16}
      tick={tick}
      tickFormatter={props.xFormatter}
    />,
    <YAxis
      key="y"
      tickLine={false}
      axisLine={false}
      tickMargin={4}
      width="auto"
      tick={tick}
      tickFormatter={(value: number) => axisFormatter(value)}
    />,
    <Tooltip
      key="tooltip"
      cursor={
        options.cursor === "band"
          ? { fill: "var(--color-muted)", opacity: 0.6 }
          : { stroke: "var(--color-chart-axis)", strokeDasharray: "3 3" }
      }
      content={({ active, payload, label }) => (
        <ChartTooltipContent
          active={active}
          payload={payload}
          label={label}
          series={series}
          formatter={props.valueFormatter}
          labelFormatter={props.xFormatter}
          total={options.total}
        />
      )}
    />,
  ];
}
