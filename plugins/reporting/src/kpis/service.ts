import { OpsdeckError } from "@opsdeck/core";
import type { TaskContext } from "@opsdeck/plugin-sdk";
import { readFreshness, requestRefreshIfStale } from "../aggregates/freshness.ts";
import { forecastAtCutoff } from "../forecasts/forecast-at-cutoff.ts";
import type { KpiAnswer } from "./catalogue.ts";
import { finishKpis, todayIn, type ForecastInput } from "./compute.ts";
import { inputsFromBaseTables } from "./direct.ts";
import type { KpiFilters } from "./filters.ts";
import { inputsFromAggregates } from "./from-aggregates.ts";
import type { KpiInputs } from "./inputs.ts";
import { loadRates } from "./rates.ts";
import { resolveScope, type OwnerScope } from "./scope.ts";

/** What the KPI service needs of a request's or a task's context. */
export type KpiContext = Pick<TaskContext, "db" | "tenant" | "organization" | "jobs">;

export interface KpiOptions {
  /** `auto` (default): aggregates once built, else the base tables; `live`: always the base tables. */
  source?: "auto" | "live";
  now?: Date;
}

/** Territories are not known to Opsdeck yet: a filter by territory is refused rather than silently ignored. */
export function assertSupportedFilters(filters: KpiFilters): void {
  if (filters.territoryId) {
    throw new OpsdeckError(
      "PRECONDITION_FAILED",
      "Filtering by territory needs the territories plugin, which is not installed: no territory source.",
    );
  }
}

async function forecastFor(ctx: KpiContext, filters: KpiFilters, scope: OwnerScope): Promise<ForecastInput> {
  if (filters.segment || filters.source) return { amount: null, reason: "forecasts are not split by segment or source" };
  const found = await forecastAtCutoff(ctx.tenant, { periodStart: filters.from, periodEnd: filters.to, ...scope.forecast });
  return found.amount === null ? { amount: null, reason: "no forecast submitted for the period by its cut-off" } : { amount: found.amount };
}

/** The resolved question: scope, where the sums come from and how fresh they are. */
export async function loadKpiInputs(
  ctx: KpiContext,
  filters: KpiFilters,
  options: KpiOptions = {},
): Promise<{ inputs: KpiInputs; scope: OwnerScope; asOf: Date; source: "aggregates" | "live" }> {
  assertSupportedFilters(filters);
  const organizationId = ctx.tenant.organizationId;
  const scope = await resolveScope(ctx.tenant, filters);
  const freshness = await readFreshness(ctx.db, organizationId);
  await requestRefreshIfStale(ctx.db, organizationId, ctx.jobs, options.now);
  const query = { organizationId, filters, scope };
  if (options.source !== "live" && freshness.builtAt && freshness.asOf) {
    return { inputs: await inputsFromAggregates(ctx.db, query), scope, asOf: freshness.asOf, source: "aggregates" };
  }
  const asOf = options.now ?? new Date();
  const inputs = await inputsFromBaseTables(ctx.db, { ...query, timeZone: ctx.organization.timeZone });
  return { inputs, scope, asOf, source: "live" };
}

/** Every KPI of the catalogue for a period and filters, within what the caller may see. */
export async function computeKpis(ctx: KpiContext, filters: KpiFilters, options: KpiOptions = {}): Promise<KpiAnswer> {
  const { inputs, scope, asOf, source } = await loadKpiInputs(ctx, filters, options);
  const [rates, forecast] = await Promise.all([loadRates(ctx.tenant, ctx.organization.currency), forecastFor(ctx, filters, scope)]);
  const { kpis, reasons } = finishKpis(inputs, {
    from: filters.from,
    to: filters.to,
    rates,
    forecast,
    today: todayIn(ctx.organization.timeZone, options.now),
  });
  return {
    from: filters.from,
    to: filters.to,
    currency: ctx.organization.currency,
    kpis,
    reasons,
    asOf: asOf.toISOString(),
    source,
    unconverted: [...rates.missing].sort(),
  };
}
