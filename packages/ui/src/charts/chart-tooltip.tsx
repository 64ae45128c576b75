import type { TooltipContentProps } from "recharts";
import { displayValue, type ChartDatum, type ChartSeries, type ChartValueFormatter } from "./chart-data.ts";

export interface ChartTooltipContentProps {
  active?: boolean;
  payload?: TooltipContentProps["payload"];
  label?: string | number;
  series: readonly (ChartSeries & { color: string })[];
  formatter?: ChartValueFormatter;
  labelFormatter?: (label: string | number) => string;
  /** Adds a total line (stacked charts) from a preformatted string per datum. */
  total?: (datum: ChartDatum) => string | undefined;
}

/** The hover card of a cartesian chart: the x label and each series' formatted value. */
export function ChartTooltipContent({ active, payload, label, series, formatter, labelFormatter, total }: ChartTooltipContentProps) {
  if (!active || !payload || payload.length === 0) return null;
  const datum = (payload[0]?.payload ?? {}) as ChartDatum;
  const totalText = total?.(datum);
  return (
    <div className="min-w-40 rounded-md border border-border bg-popover px-2.5 py-2 text-xs text-popover-foreground shadow-lg">
      {label !== undefined ? (
        <p className="mb-1.5 font-medium">{labelFormatter ? labelFormatter(label) : String(label)}</p>
      ) : null}
      <ul className="flex flex-col gap-1">
        {series.map((each) => (
          <li key={each.key} className="flex items-center gap-2">
            <span aria-hidden="true" className="size-2 shrink-0 rounded-[2px]" style={{ background: each.color }} />
            <span className="text-muted-foreground">{each.label}</span>
            <span className="ml-auto pl-3 font-medium tabular-nums">{displayValue(datum, each, formatter)}</span>
          </li>
        ))}
      </ul>
      {totalText ? (
        <p className="mt-1.5 flex justify-between border-t border-border pt-1.5 font-medium">
          <span className="text-muted-foreground">Total</span>
          <span className="tabular-nums">{totalText}</span>
        </p>
      ) : null}
    </div>
  );
}
