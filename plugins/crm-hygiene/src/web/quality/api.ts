import { usePluginClient, usePluginQueries } from "@opsdeck/plugin-sdk/web";
import type { BadgeTone } from "@opsdeck/ui";
import type { HygieneRouter } from "../../router.ts";

/** The plugin's typed query options and client (a type-only import of the router: no server code in the bundle). */
export const useHygieneQueries = () => usePluginQueries<HygieneRouter>();
export const useHygieneClient = () => usePluginClient<HygieneRouter>();

// Permission ids as literals: importing ../../common.ts would bundle zod into the web part.
export const HYGIENE_READ = "crm-hygiene.quality.read";
export const RULES_MANAGE = "crm-hygiene.rules.manage";
export const NORMALIZE_RUN = "crm-hygiene.normalize.run";

export const BASE = "/crm-hygiene";

// One message helper for the shell and every plugin.
export { errorMessage as errorText } from "@opsdeck/plugin-sdk/web";

/** Green from 90, amber from 75, red below. */
export function scoreTone(score: number | null | undefined): BadgeTone {
  if (score == null) return "neutral";
  return score >= 90 ? "success" : score >= 75 ? "warning" : "danger";
}

export const formatScore = (score: number | null | undefined) => (score == null ? "—" : score.toFixed(1));

/** The shell's page of a record. */
export const recordHref = (entity: string, id: string) => `/records/${entity}/${id}`;

export const ENTITY_LABELS: Record<string, string> = {
  accounts: "Accounts",
  contacts: "Contacts",
  leads: "Leads",
  opportunities: "Opportunities",
};

/** "12 Mar" for a trend axis. */
export const shortDay = (day: string | number) =>
  new Date(`${String(day)}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
