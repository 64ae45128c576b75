import type { Meta, StoryObj } from "@storybook/react-vite";
import type { ReactNode } from "react";
import { formatMoney } from "../lib/format/format-money.ts";
import { formatNumber } from "../lib/format/format-number.ts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../primitives/card.tsx";
import { demoMonthly } from "../story-helpers/fixtures.ts";
import { AreaChart } from "./area-chart.tsx";
import { BarChart } from "./bar-chart.tsx";
import { FunnelChart } from "./funnel-chart.tsx";
import { LineChart } from "./line-chart.tsx";
import { PieChart } from "./pie-chart.tsx";

const MONTHLY = demoMonthly();
// Money values are decimal strings: the tooltip shows them exactly, the axis uses compact ticks.
const usd = (value: string | number) => formatMoney(String(value), "USD", "en-US");
const usdAxis = (value: number) => formatMoney(String(value), "USD", "en-US", { compact: true });

const REVENUE_SERIES = [
  { key: "newBusiness", label: "New business" },
  { key: "expansion", label: "Expansion" },
  { key: "churn", label: "Churn" },
];

function Panel({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <div className="flex flex-col gap-0.5">
          <CardTitle>{title}</CardTitle>
          {description ? <CardDescription>{description}</CardDescription> : null}
        </div>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

function Gallery({ loading = false, empty = false }: { loading?: boolean; empty?: boolean }) {
  const data = empty ? [] : MONTHLY;
  return (
    <div className="grid max-w-6xl gap-4 lg:grid-cols-2">
      <Panel title="Revenue by month" description="FY2025, USD">
        <LineChart
          label="Revenue by month"
          data={data}
          xKey="month"
          series={REVENUE_SERIES}
          valueFormatter={usd}
          axisFormatter={usdAxis}
          loading={loading}
          animate={false}
        />
      </Panel>
      <Panel title="Bookings (stacked)" description="New business and expansion">
        <BarChart
          label="Bookings by month"
          data={data}
          xKey="month"
          stacked
          series={REVENUE_SERIES.slice(0, 2)}
          valueFormatter={usd}
          axisFormatter={usdAxis}
          loading={loading}
          animate={false}
        />
      </Panel>
      <Panel title="Pipeline created" description="Opportunities per month">
        <AreaChart
          label="Pipeline created"
          data={data}
          xKey="month"
          series={[{ key: "pipeline", label: "Opportunities" }]}
          valueFormatter={(value) => formatNumber(value)}
          loading={loading}
          animate={false}
        />
      </Panel>
      <Panel title="Bookings by region">
        <PieChart
          label="Bookings by region"
          donut
          centerLabel="$4.1M"
          centerCaption="Total"
          data={
            empty
              ? []
              : [
                  { name: "NA East", value: "1420500.00", label: "$1,420,500.00" },
                  { name: "NA West", value: "1104230.50", label: "$1,104,230.50" },
                  { name: "EMEA", value: "987400.25", label: "$987,400.25" },
                  { name: "APAC", value: "402100.00", label: "$402,100.00" },
                  { name: "LATAM", value: "198000.00", label: "$198,000.00" },
                ]
          }
          loading={loading}
          animate={false}
        />
      </Panel>
      <div className="lg:col-span-2">
        <Panel title="Lead funnel" description="Last quarter">
          <FunnelChart
            label="Lead funnel"
            data={
              empty
                ? []
                : [
                    { name: "Leads", value: 4820 },
                    { name: "Qualified", value: 1930 },
                    { name: "Opportunities", value: 744 },
                    { name: "Proposals", value: 318 },
                    { name: "Won", value: 121 },
                  ]
            }
            valueFormatter={(value) => formatNumber(value)}
            loading={loading}
            animate={false}
          />
        </Panel>
      </div>
    </div>
  );
}

const meta = { title: "Charts/Gallery", component: Gallery } satisfies Meta<typeof Gallery>;
export default meta;

type Story = StoryObj<typeof meta>;

export const AllCharts: Story = {};
export const Loading: Story = { args: { loading: true } };
export const Empty: Story = { args: { empty: true } };
export const Dark: Story = { globals: { theme: "dark" } };

export const GroupedBars: Story = {
  render: () => (
    <div className="max-w-3xl">
      <BarChart
        label="Revenue by month"
        data={MONTHLY}
        xKey="month"
        series={REVENUE_SERIES}
        valueFormatter={usd}
        axisFormatter={usdAxis}
        animate={false}
      />
    </div>
  ),
};

export const StackedArea: Story = {
  render: () => (
    <div className="max-w-3xl">
      <AreaChart
        label="Revenue mix"
        data={MONTHLY}
        xKey="month"
        stacked
        series={REVENUE_SERIES.slice(0, 2)}
        valueFormatter={usd}
        axisFormatter={usdAxis}
        animate={false}
      />
    </div>
  ),
};

export const Pie: Story = {
  render: () => (
    <div className="max-w-sm">
      <PieChart
        label="Deals by stage"
        data={[
          { name: "Discovery", value: 42 },
          { name: "Proposal", value: 28 },
          { name: "Negotiation", value: 14 },
          { name: "Closing", value: 9 },
        ]}
        animate={false}
      />
    </div>
  ),
};
