import { useOrganization } from "@opsdeck/plugin-sdk/web";
import {
  AreaChart,
  BarChart,
  Card,
  CardContent,
  CardHeader,
  CardTitle,
  EmptyState,
  ErrorState,
  formatMoney,
  formatNumber,
  formatPercent,
  LineChart,
  Skeleton,
  Tabs,
  TabsContent,
  TabsList,
  TabsTrigger,
} from "@opsdeck/ui";
import { useQuery } from "@tanstack/react-query";
import { ChartNoAxesColumn } from "lucide-react";
import type { Filters } from "./api.ts";
import type { BreakdownKind } from "../../kpis/breakdowns.ts";
import { errorText, useDashboardQueries, type BreakdownView } from "./api.ts";
import { BREAKDOWN_CONFIG, type BreakdownColumn } from "./breakdown-config.ts";
import type { OpenDrill } from "./drill.ts";

function useBreakdown(kind: BreakdownKind, filters: Filters) {
  const q = useDashboardQueries();
  return useQuery(q.kpis.breakdown.queryOptions({ kind, filters }));
}

function cell(column: BreakdownColumn, value: unknown, currency: string): string {
  if (typeof value !== "string" && typeof value !== "number") return "—";
  if (column.format === "money") return formatMoney(`${value}`, currency, undefined, { compact: true });
  if (column.format === "ratio") return formatPercent(`${value}`, { fractionDigits: 0 });
  return formatNumber(Number(value));
}

/** A breakdown as a table whose every number opens the records behind it. */
function BreakdownTable({ kind, data, filters, onDrill }: { kind: BreakdownKind; data: BreakdownView; filters: Filters; onDrill: OpenDrill }) {
  const { currency } = useOrganization();
  const config = BREAKDOWN_CONFIG[kind];
  return (
    <div className="max-h-96 overflow-auto">
      <table className="w-full text-sm">
        <thead className="sticky top-0 bg-card text-left text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">{config.rowLabel}</th>
            {config.columns.map((c) => (
              <th key={c.key} scope="col" className="py-2 pl-3 text-right font-medium">{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {data.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="max-w-48 truncate py-1.5 pr-3 text-left font-normal">{row.label}</th>
              {config.columns.map((c) => (
                <td key={c.key} className="py-1.5 pl-3 text-right tabular-nums">
                  <button
                    type="button"
                    className="rounded-sm underline-offset-2 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
                    onClick={() => onDrill(c.drill(row, filters))}
                  >
                    {cell(c, row.values[c.key], currency)}
                  </button>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Frame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card className="h-full">
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

function stateOf(result: ReturnType<typeof useBreakdown>) {
  if (result.isPending) return <Skeleton className="h-64 w-full" />;
  if (result.isError) return <ErrorState size="compact" message={errorText(result.error)} onRetry={() => void result.refetch()} />;
  if (!result.data.rows.length) return <EmptyState size="compact" icon={<ChartNoAxesColumn />} title="Nothing to show" text="No records match these filters in this period." />;
  return null;
}

export function TableWidget({ kind, title, filters, onDrill }: { kind: BreakdownKind; title: string; filters: Filters; onDrill: OpenDrill }) {
  const result = useBreakdown(kind, filters);
  const state = stateOf(result);
  return <Frame title={title}>{state ?? <BreakdownTable kind={kind} data={result.data!} filters={filters} onDrill={onDrill} />}</Frame>;
}

/** A breakdown charted with the UI kit's charts, with its numbers one tab away (each drills down). */
export function ChartWidget(props: { kind: BreakdownKind; chart: "bar" | "line" | "area"; title: string; filters: Filters; onDrill: OpenDrill }) {
  const { currency } = useOrganization();
  const result = useBreakdown(props.kind, props.filters);
  const state = stateOf(result);
  const config = BREAKDOWN_CONFIG[props.kind];
  if (state) return <Frame title={props.title}>{state}</Frame>;
  const columns = config.columns.filter((c) => config.chartKeys.includes(c.key));
  const money = columns.every((c) => c.format === "money");
  const data = result.data!.rows.map((r) => ({ label: r.label, ...r.values }));
  const chartProps = {
    data,
    xKey: "label",
    label: props.title,
    series: columns.map((c) => ({ key: c.key, label: c.label })),
    valueFormatter: (v: number | string) => (money ? formatMoney(String(v), currency) : formatNumber(Number(v))),
    axisFormatter: (v: number) => (money ? formatMoney(String(v), currency, undefined, { compact: true }) : formatNumber(v)),
    height: 240,
  };
  const Chart = props.chart === "line" ? LineChart : props.chart === "area" ? AreaChart : BarChart;
  return (
    <Frame title={props.title}>
      <Tabs defaultValue="chart">
        <TabsList className="mb-2">
          <TabsTrigger value="chart">Chart</TabsTrigger>
          <TabsTrigger value="table">Numbers</TabsTrigger>
        </TabsList>
        <TabsContent value="chart">
          <Chart {...chartProps} />
        </TabsContent>
        <TabsContent value="table">
          <BreakdownTable kind={props.kind} data={result.data!} filters={props.filters} onDrill={props.onDrill} />
        </TabsContent>
      </Tabs>
    </Frame>
  );
}
