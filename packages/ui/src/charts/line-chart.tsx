import { Line, LineChart as RechartsLineChart } from "recharts";
import { isChartEmpty, plotKey, toPlotData } from "./chart-data.ts";
import { ChartFrame } from "./chart-frame.tsx";
import { cartesianParts, resolveSeries, shouldAnimate, type CartesianChartProps } from "./cartesian.tsx";

/** Trends over time: one line per series. */
export function LineChart(props: CartesianChartProps) {
  const { data, series, label, height = 280, loading, emptyState, legend, animate, className } = props;
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
      <RechartsLineChart data={toPlotData(data, keys)} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        {cartesianParts(props, resolved, { cursor: "line" })}
        {resolved.map((each) => (
          <Line
            key={each.key}
            type="monotone"
            dataKey={plotKey(each.key)}
            name={each.label}
            stroke={each.color}
            strokeWidth={2}
            dot={false}
            activeDot={{ r: 4, strokeWidth: 2, stroke: "var(--color-background)" }}
            isAnimationActive={shouldAnimate(animate)}
            connectNulls
          />
        ))}
      </RechartsLineChart>
    </ChartFrame>
  );
}
