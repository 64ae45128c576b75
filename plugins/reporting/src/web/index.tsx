import { defineWebPlugin } from "@opsdeck/plugin-sdk/web";
import { BellRing, LayoutDashboard, Table2, TrendingUp } from "lucide-react";
import "./styles.css";
import { DashboardPage } from "./dashboards/dashboard-page.tsx";
import { DashboardsPage } from "./dashboards/dashboards-page.tsx";
import { dashboardSearchSchema } from "./dashboards/search.ts";
import { ForecastsPage } from "./reports/forecasts-page.tsx";
import { ReportsPage } from "./reports/reports-page.tsx";
import { SchedulesPage } from "./reports/schedules-page.tsx";

// Permission ids as literals: importing ../common.ts would bundle zod into the web part.
const DASHBOARDS_READ = "reporting.dashboards.read";
const FORECASTS_SUBMIT = "reporting.forecasts.submit";
const REPORTS_READ = "reporting.reports.read";
const SCHEDULES_MANAGE = "reporting.schedules.manage";

export default defineWebPlugin({
  id: "reporting",
  routes: [
    // The plugin's home (/reporting) is the list of dashboards.
    { path: "/", component: DashboardsPage, title: "Dashboards", permission: DASHBOARDS_READ },
    { path: "/dashboards", component: DashboardsPage, title: "Dashboards", permission: DASHBOARDS_READ },
    { path: "/dashboards/$dashboardId", component: DashboardPage, title: "Dashboard", permission: DASHBOARDS_READ, validateSearch: dashboardSearchSchema },
    { path: "/forecasts", component: ForecastsPage, title: "Forecasts", permission: FORECASTS_SUBMIT },
    { path: "/reports", component: ReportsPage, title: "Reports", permission: REPORTS_READ },
    { path: "/schedules", component: SchedulesPage, title: "Schedules & alerts", permission: SCHEDULES_MANAGE },
  ],
  nav: [
    { label: "Dashboards", to: "/dashboards", icon: LayoutDashboard, permission: DASHBOARDS_READ, keywords: ["kpi", "executive", "pipeline", "win rate", "scorecard"] },
    { label: "Forecasts", to: "/forecasts", icon: TrendingUp, permission: FORECASTS_SUBMIT, keywords: ["forecast", "commit", "pipeline movement"] },
    { label: "Reports", to: "/reports", icon: Table2, permission: REPORTS_READ, keywords: ["report builder", "export"] },
    { label: "Schedules & alerts", to: "/schedules", icon: BellRing, permission: SCHEDULES_MANAGE, keywords: ["email", "alert"] },
  ],
  slots: {},
});
