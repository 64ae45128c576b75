import type { ReactNode } from "react";
import { Cell, Pie, PieChart as RechartsPieChart, Tooltip } from "recharts";
import { formatPercent } from "../lib/format/format-number.ts";
import {
  chartColor,
  displayValue,
  isChartEmpty,
  plotKey,
  toPlotData,
  type ChartDatum,
  type ChartValueFormatter,
} from "./chart-data.ts";
import { ChartFrame } from "./chart-frame.tsx";
import { shouldAnimate } from "./cartesian.tsx";

export interface PieSlice {
  name: string;
  /** A number or an exact decimal string. */
  value: number | string;
  /** The value already formatted (shown as is). */
  label?: string;
  color?: string;
}

export interface PieChartProps {
  data: readonly PieSlice[];
  /** The chart's accessible name. */
  label: string;
  /** A ring instead of a full pie, with room for `centerLabel`. */
  donut?: boolean;
  /** Shown in the middle of a donut (e.g. the formatted total). */
  centerLabel?: ReactNode;
  centerCaption?: string;
  valueFormatter?: ChartValueFormatter;
  height?: number;
  loading?: boolean;
  emptyState?: ReactNode;
  /** Shows each slice's value in the legend (default true). */
  legendValues?: boolean;
  animate?: boolean;
  className?: string;
}

const VALUE = { key: "value", formattedKey: "label" } as const;

/** Parts of a whole: a pie or a donut, with a legend of values and share tooltips. */
export function PieChart({
  data,
  label,
  donut = false,
  centerLabel,
  centerCaption,
  valueFormatter,
  height = 240,
  loading,
  emptyState,
  legendValues = true,
  animate,
  className,
}: PieChartProps) {
  const slices = toPlotData(data as unknown as ChartDatum[], ["value"]).map(
    (slice, index): ChartDatum & { fill: string } => ({ ...slice, fill: data[index]?.color ?? chartColor(index) }),
  );
  const total = slices.reduce((sum, slice) => sum + (Number(slice[plotKey("value")]) || 0), 0);
  const empty = isChartEmpty(slices, ["value"]) || total === 0;
  return (
    <ChartFrame
      label={label}
      height={height}
      loading={loading}
      empty={empty}
      emptyState={emptyState}
      className={className}
      legend={slices.map((slice) => ({
        label: String(slice["name"]),
        color: slice.fill,
        value: legendValues ? displayValue(slice, VALUE, valueFormatter) : undefined,
      }))}
      overlay={
        donut && centerLabel ? (
          <div className="flex flex-col items-center">
            <span className="text-lg font-semibold tabular-nums">{centerLabel}</span>
            {centerCaption ? <span className="text-xs text-muted-foreground">{centerCaption}</span> : null}
          </div>
        ) : undefined
      }
    >
      <RechartsPieChart>
        <Tooltip
          content={({ active, payload }) => {
            const slice = payload?.[0]?.payload as (Record<string, unknown> & { fill: string }) | undefined;
            if (!active || !slice) return null;
            const share = total > 0 ? (Number(slice[plotKey("value")]) || 0) / total : 0;
            return (
              <div className="rounded-md border border-border bg-popover px-2.5 py-2 text-xs text-popover-foreground shadow-lg">
                <p className="flex items-center gap-2 font-medium">
                  <span aria-hidden="true" className="size-2 rounded-[2px]" style={{ background: slice.fill }} />
                  {String(slice["name"])}
                </p>
                <p className="mt-1 tabular-nums">
                  {displayValue(slice, VALUE, valueFormatter)}
                  <span className="ml-2 text-muted-foreground">{formatPercent(share)}</span>
                </p>
              </div>
            );
          }}
        />
        <Pie
          data={slices}
          dataKey={plotKey("value")}
          nameKey="name"
          innerRadius={donut ? "62%" : 0}
          outerRadius="90%"
          paddingAngle={donut ? 1.5 : 0}
          stroke="var(--color-card)"
          strokeWidth={2}
          isAnimationActive={shouldAnimate(animate)}
        >
          {slices.map((slice, index) => (
            <Cell key={`${String(slice["name"])}-${index}`} fill={slice.fill} />
          ))}
        </Pie>
      </RechartsPieChart>
    </ChartFrame>
  );
}
