import { Area, AreaChart as RechartsAreaChart } from "recharts";
import { isChartEmpty, plotKey, toPlotData } from "./chart-data.ts";
import { ChartFrame } from "./chart-frame.tsx";
import { cartesianParts, resolveSeries, shouldAnimate, type CartesianChartProps } from "./cartesian.tsx";

export interface AreaChartProps extends CartesianChartProps {
  /** Stack the areas (parts of a whole over time). */
  stacked?: boolean;
}

/** Volumes over time, optionally stacked. */
export function AreaChart(props: AreaChartProps) {
  const { data, series, label, height = 280, loading, emptyState, legend, animate, className, stacked = false } = props;
  const keys = series.map((each) => each.key);
  const resolved = resolveSeries(series);
  const showLegend = legend ?? series.length > 1;
  return (
    <ChartFrame
      label={label}
      height={height}
      loading={loading}
      empty={isChartEmpty(data, keys)}
      emptyState={emptyState}
      legend={showLegend ? resolved.map(({ label: name, color }) => ({ label: name, color })) : undefined}
      className={className}
    >
      <RechartsAreaChart data={toPlotData(data, keys)} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        {cartesianParts(props, resolved, { cursor: "line" })}
        {resolved.map((each) => (
          <Area
            key={each.key}
            type="monotone"
            dataKey={plotKey(each.key)}
            name={each.label}
            stroke={each.color}
            strokeWidth={2}
            fill={each.color}
            fillOpacity={stacked ? 0.35 : 0.15}
            stackId={stacked ? "stack" : undefined}
            activeDot={{ r: 4, strokeWidth: 2, stroke: "var(--color-background)" }}
            isAnimationActive={shouldAnimate(animate)}
            connectNulls
          />
        ))}
      </RechartsAreaChart>
    </ChartFrame>
  );
}
