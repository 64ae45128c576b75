import { usePluginClient, usePluginQueries } from "@opsdeck/plugin-sdk/web";
import type { ReportingRouter } from "../../router.ts";

/** The plugin's typed query options and client (a type-only import of the router: no server code in the bundle). */
export const useReportingQueries = () => usePluginQueries<ReportingRouter>();
export const useReportingClient = () => usePluginClient<ReportingRouter>();

export const money = (value: string | null | undefined, currency: string) =>
  value == null ? "—" : new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 }).format(Number(value));

/** For stat tiles: $1.73M instead of $1,733,380. */
export const moneyShort = (value: string | null | undefined, currency: string) =>
  value == null ? "—" : new Intl.NumberFormat("en-US", { style: "currency", currency, notation: "compact", maximumFractionDigits: 2 }).format(Number(value));

// One message helper for the shell and every plugin.
export { errorMessage as errorText } from "@opsdeck/plugin-sdk/web";
