import { Line, LineChart as RechartsLineChart } from "recharts";
import { plotKey } from "./chart-data.ts";
import { ChartFrame } from "./chart-frame.tsx";
import { cartesianParts, cartesianSetup, shouldAnimate, type CartesianChartProps } from "./cartesian.tsx";

/** Trends over time: one line per series. */
export function LineChart(props: CartesianChartProps) {
  const { animate } = props;
  const { resolved, plotData, frame } = cartesianSetup(props);
  return (
    <ChartFrame {...frame}>
      <RechartsLineChart data={plotData} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
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
