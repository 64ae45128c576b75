import { BarChart3, Building2, GraduationCap, LayoutDashboard, Map, Plug, Settings, Sparkles, Users, Wallet } from "lucide-react";
import type { SidebarNavGroup } from "../layout/sidebar.tsx";

/** The shell's navigation as stories show it: core pages, then one group per plugin. */
export const DEMO_NAV: SidebarNavGroup[] = [
  {
    items: [
      { id: "home", label: "Dashboard", href: "#home", icon: <LayoutDashboard /> },
      { id: "accounts", label: "Accounts", href: "#accounts", icon: <Building2 />, badge: "1,284" },
      { id: "people", label: "People", href: "#people", icon: <Users /> },
    ],
  },
  {
    label: "Plugins",
    items: [
      { id: "crm-hygiene", label: "CRM hygiene", href: "#crm-hygiene", icon: <Sparkles />, badge: 12 },
      { id: "territories", label: "Territories", href: "#territories", icon: <Map /> },
      { id: "compensation", label: "Compensation", href: "#compensation", icon: <Wallet /> },
      { id: "onboarding", label: "Onboarding", href: "#onboarding", icon: <GraduationCap /> },
      { id: "reporting", label: "Reporting", href: "#reporting", icon: <BarChart3 /> },
    ],
  },
  {
    label: "Admin",
    items: [
      { id: "plugins", label: "Plugins", href: "#plugins", icon: <Plug /> },
      { id: "settings", label: "Settings", href: "#settings", icon: <Settings /> },
    ],
  },
];

/** The logo and organization name at the top of the sidebar. */
export function DemoOrg() {
  return (
    <div className="flex items-center gap-2 text-sm font-semibold">
      <span className="grid size-6 place-items-center rounded-md bg-primary text-xs font-bold text-primary-foreground">O</span>
      Acme Inc.
    </div>
  );
}

/** A user chip for the sidebar footer. */
export function DemoUser() {
  return (
    <div className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm">
      <span className="grid size-6 place-items-center rounded-full bg-muted text-xs font-medium">AC</span>
      <span className="flex min-w-0 flex-col leading-tight">
        <span className="truncate font-medium">Ava Chen</span>
        <span className="truncate text-xs text-muted-foreground">Ops admin</span>
      </span>
    </div>
  );
}
