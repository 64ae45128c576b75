import type { WebPluginNavItem, WebPluginRoute, WebSlotContribution } from "@opsdeck/plugin-sdk/web";
import { ClipboardCheck, Gauge, ShieldCheck, Wand2 } from "lucide-react";
import type { DashboardWidgetProps } from "@opsdeck/plugin-reporting/common";
import { HYGIENE_READ } from "./api.ts";
import { AuditsPage } from "./audits-page.tsx";
import { DataQualityWidget } from "./data-quality-widget.tsx";
import { NormalizationPage } from "./normalization-page.tsx";
import { OverviewPage } from "./overview-page.tsx";
import { RulePage } from "./rule-page.tsx";
import { RulesPage } from "./rules-page.tsx";

// Search params are read by hand: the web part does not bundle zod.
const text = (value: unknown) => (typeof value === "string" && value.length > 0 && value.length <= 100 ? value : undefined);

/** The quality area's pages: overview, normalization, validation rules, audits. */
export const qualityRoutes: WebPluginRoute[] = [
  { path: "/", component: OverviewPage, title: "Data quality", permission: HYGIENE_READ },
  {
    path: "/normalization",
    component: NormalizationPage,
    title: "Normalization",
    permission: HYGIENE_READ,
    validateSearch: (s) => ({ rule: text(s.rule) }),
  },
  { path: "/rules", component: RulesPage, title: "Validation rules", permission: HYGIENE_READ },
  { path: "/rules/$ruleId", component: RulePage, title: "Validation rule", permission: HYGIENE_READ },
  { path: "/audits", component: AuditsPage, title: "Audits", permission: HYGIENE_READ, validateSearch: (s) => ({ check: text(s.check) }) },
];

export const qualityNav: WebPluginNavItem[] = [
  { label: "Data quality", to: "/", icon: Gauge, permission: HYGIENE_READ, keywords: ["hygiene", "score", "quality", "trend"] },
  { label: "Normalization", to: "/normalization", icon: Wand2, permission: HYGIENE_READ, keywords: ["phones", "E.164", "emails", "countries", "clean"] },
  { label: "Validation rules", to: "/rules", icon: ShieldCheck, permission: HYGIENE_READ, keywords: ["required", "rules", "violations"] },
  { label: "Audits", to: "/audits", icon: ClipboardCheck, permission: HYGIENE_READ, keywords: ["stale", "missing fields", "owners who left"] },
];

export const dataQualityWidget: WebSlotContribution<DashboardWidgetProps> = {
  id: "data-quality",
  title: "Data quality",
  component: DataQualityWidget,
  permission: HYGIENE_READ,
};
