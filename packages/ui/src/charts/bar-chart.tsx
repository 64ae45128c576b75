import { Bar, BarChart as RechartsBarChart } from "recharts";
import { plotKey, type ChartDatum } from "./chart-data.ts";
import { ChartFrame } from "./chart-frame.tsx";
import { cartesianParts, cartesianSetup, shouldAnimate, type CartesianChartProps } from "./cartesian.tsx";

export interface BarChartProps extends CartesianChartProps {
  /** Stack the series in one bar per x value (e.g. pipeline by stage per month). */
  stacked?: boolean;
  /** A field of each datum holding its preformatted total, shown in the tooltip of a stacked chart. */
  totalKey?: string;
}

/** Compares values across categories; grouped or stacked. */
export function BarChart(props: BarChartProps) {
  const { animate, stacked = false, totalKey } = props;
  const { resolved, plotData, frame } = cartesianSetup(props);
  const total = totalKey
    ? (datum: ChartDatum) => (typeof datum[totalKey] === "string" ? datum[totalKey] : undefined)
    : undefined;
  return (
    <ChartFrame {...frame}>
      <RechartsBarChart
        data={plotData}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        barGap={2}
        barCategoryGap={stacked ? "25%" : "20%"}
      >
        {cartesianParts(props, resolved, { cursor: "band", total })}
        {resolved.map((each, index) => (
          <Bar
            key={each.key}
            dataKey={plotKey(each.key)}
            name={each.label}
            fill={each.color}
            stackId={stacked ? "stack" : undefined}
            // Round only the outer end: the top segment of a stack, or every bar when grouped.
            radius={!stacked || index === resolved.length - 1 ? [4, 4, 0, 0] : 0}
            maxBarSize={48}
            isAnimationActive={shouldAnimate(animate)}
          />
        ))}
      </RechartsBarChart>
    </ChartFrame>
  );
}
