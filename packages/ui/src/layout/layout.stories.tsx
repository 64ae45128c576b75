import type { Meta, StoryObj } from "@storybook/react-vite";
import { Bell, Plus, Upload } from "lucide-react";
import { BarChart } from "../charts/bar-chart.tsx";
import { StatTile } from "../data/stat-tile.tsx";
import { formatMoney } from "../lib/format/format-money.ts";
import { CommandPaletteTrigger } from "../overlays/command-palette-trigger.tsx";
import { Button } from "../primitives/button.tsx";
import { Card, CardContent, CardHeader, CardTitle } from "../primitives/card.tsx";
import { IconButton } from "../primitives/icon-button.tsx";
import { Tabs, TabsList, TabsTrigger } from "../primitives/tabs.tsx";
import { DEMO_NAV, DemoOrg, DemoUser } from "../story-helpers/demo-nav.tsx";
import { demoMonthly } from "../story-helpers/fixtures.ts";
import { ThemeToggle } from "../theme/theme-toggle.tsx";
import { AppShell } from "./app-shell.tsx";
import { PageHeader } from "./page-header.tsx";
import { Sidebar } from "./sidebar.tsx";
import { Topbar } from "./topbar.tsx";

const usd = (value: string | number) => formatMoney(String(value), "USD", "en-US");

function Shell() {
  return (
    <AppShell
      sidebar={<Sidebar header={<DemoOrg />} groups={DEMO_NAV} activeId="reporting" footer={<DemoUser />} />}
      topbar={
        <Topbar
          start={<span className="text-sm text-muted-foreground">Reporting</span>}
          center={<CommandPaletteTrigger onClick={() => {}} />}
          end={
            <>
              <IconButton label="Notifications" icon={<Bell />} />
              <ThemeToggle />
            </>
          }
        />
      }
    >
      <div className="mx-auto flex max-w-6xl flex-col gap-4 p-6">
        <PageHeader
          breadcrumbs={[{ label: "Reporting", href: "#reporting" }, { label: "Revenue overview" }]}
          title="Revenue overview"
          description="Bookings, expansion and churn for the current fiscal year."
          actions={
            <>
              <Button>
                <Upload /> Export
              </Button>
              <Button variant="primary">
                <Plus /> New report
              </Button>
            </>
          }
        >
          <Tabs defaultValue="overview">
            <TabsList>
              <TabsTrigger value="overview">Overview</TabsTrigger>
              <TabsTrigger value="teams">Teams</TabsTrigger>
              <TabsTrigger value="reps">Reps</TabsTrigger>
            </TabsList>
          </Tabs>
        </PageHeader>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <StatTile label="Bookings" value="$2,481,930.00" delta={{ value: 0.124, comparison: "vs last quarter" }} />
          <StatTile label="Win rate" value="27.4%" delta={{ value: -0.018, label: "-1.8 pts", comparison: "vs last quarter" }} />
          <StatTile label="Pipeline" value="$8.2M" delta={{ value: 0.061, comparison: "vs last quarter" }} />
          <StatTile
            label="Sales cycle"
            value="41 days"
            delta={{ value: 0.05, label: "+2 days", comparison: "vs last quarter", positiveIsGood: false }}
          />
        </div>
        <Card>
          <CardHeader>
            <CardTitle>Bookings by month</CardTitle>
          </CardHeader>
          <CardContent>
            <BarChart
              label="Bookings by month"
              data={demoMonthly()}
              xKey="month"
              stacked
              series={[
                { key: "newBusiness", label: "New business" },
                { key: "expansion", label: "Expansion" },
              ]}
              valueFormatter={usd}
              axisFormatter={(value) => formatMoney(String(value), "USD", "en-US", { compact: true })}
              animate={false}
            />
          </CardContent>
        </Card>
      </div>
    </AppShell>
  );
}

const meta = {
  title: "Layout/AppShell",
  component: Shell,
  parameters: { layout: "fullscreen" },
} satisfies Meta<typeof Shell>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const Dark: Story = { globals: { theme: "dark" } };
export const Mobile: Story = {
  parameters: { viewport: { defaultViewport: "mobile1" } },
  globals: { viewport: { value: "mobile1", isRotated: false } },
};
