import { Area, AreaChart as RechartsAreaChart } from "recharts";
import { plotKey } from "./chart-data.ts";
import { ChartFrame } from "./chart-frame.tsx";
import { cartesianParts, cartesianSetup, shouldAnimate, type CartesianChartProps } from "./cartesian.tsx";

export interface AreaChartProps extends CartesianChartProps {
  /** Stack the areas (parts of a whole over time). */
  stacked?: boolean;
}

/** Volumes over time, optionally stacked. */
export function AreaChart(props: AreaChartProps) {
  const { animate, stacked = false } = props;
  const { resolved, plotData, frame } = cartesianSetup(props);
  return (
    <ChartFrame {...frame}>
      <RechartsAreaChart data={plotData} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
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
