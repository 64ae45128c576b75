import { MoneyDecimal, type MoneyValue } from "@opsdeck/core";
import { KPI_KEYS, STAGE_PAIRS, type KpiKey, type KpiValues, type StagePair } from "./catalogue.ts";
import { addDays, businessDays } from "./filters.ts";
import type { KpiInputs } from "./inputs.ts";
import type { RateTable } from "./rates.ts";

/** Minutes of selling time a seller has per business day (8 hours). */
export const SELLING_MINUTES_PER_DAY = 480;

const money = (v: MoneyValue) => v.toFixed(2, MoneyDecimal.ROUND_HALF_EVEN);
const ratio = (v: MoneyValue) => v.toFixed(4, MoneyDecimal.ROUND_HALF_EVEN);
const fixed2 = (v: MoneyValue) => v.toFixed(2, MoneyDecimal.ROUND_HALF_EVEN);
const zero = () => new MoneyDecimal(0);

export interface ForecastInput {
  /** The forecast (commit) at the cut-off, in the organization's currency; null with a reason when there is none. */
  amount: string | null;
  reason?: string;
}

export interface FinishOptions {
  from: string;
  to: string;
  rates: RateTable;
  forecast: ForecastInput;
  /** Today in the organization (selling time counts business days up to it). */
  today: string;
}

/** Turns the sums into the catalogue's values, converting amounts and dividing exactly (decimal.js). */
export function finishKpis(inputs: KpiInputs, o: FinishOptions): { kpis: KpiValues; reasons: Partial<Record<KpiKey, string>> } {
  const reasons: Partial<Record<KpiKey, string>> = {};
  const kpis = Object.fromEntries(KPI_KEYS.map((k) => [k, null])) as KpiValues;
  const convertSum = (rows: { currency: string; day: string; amount: string }[]) =>
    rows.reduce((total, r) => total.plus(o.rates.convert(r.amount, r.currency, r.day) ?? 0), zero());

  const wonCount = inputs.closed.reduce((n, r) => n + r.wonCount, 0);
  const lostCount = inputs.closed.reduce((n, r) => n + r.lostCount, 0);
  const wonAmount = convertSum(inputs.closed.map((r) => ({ currency: r.currency, day: r.day, amount: r.wonAmount })));
  const cycleSeconds = inputs.closed.reduce((s, r) => s.plus(r.wonCycleSeconds), zero());
  kpis.closed_won_count = wonCount;
  kpis.closed_won_amount = money(wonAmount);

  const avgDeal = wonCount ? wonAmount.div(wonCount) : null;
  const winRate = wonCount + lostCount ? new MoneyDecimal(wonCount).div(wonCount + lostCount) : null;
  const cycleDays = wonCount ? cycleSeconds.div(86_400).div(wonCount) : null;
  if (avgDeal) kpis.avg_deal_size = money(avgDeal);
  else reasons.avg_deal_size = "no deals won in the period";
  if (winRate) kpis.win_rate = ratio(winRate);
  else reasons.win_rate = "no deals closed in the period";
  if (cycleDays) kpis.sales_cycle_length_days = fixed2(cycleDays);
  else reasons.sales_cycle_length_days = "no deals won in the period";

  const openCount = inputs.pipeline.reduce((n, r) => n + r.count, 0);
  const pipeline = convertSum(inputs.pipeline.map((r) => ({ currency: r.currency, day: o.to, amount: r.amount })));
  const weighted = convertSum(inputs.pipeline.map((r) => ({ currency: r.currency, day: o.to, amount: r.weighted })));
  kpis.pipeline_value = money(pipeline);
  kpis.weighted_pipeline_value = money(weighted);

  if (!inputs.leads) reasons.lead_response_time_minutes = "leads have no segment";
  else if (inputs.leads.medianSeconds === null) reasons.lead_response_time_minutes = "no lead created in the period got a response";
  else kpis.lead_response_time_minutes = fixed2(new MoneyDecimal(inputs.leads.medianSeconds).div(60));

  reasons.quota_attainment = "no quota source";

  if (o.forecast.amount === null) reasons.forecast_accuracy = o.forecast.reason ?? "no forecast submitted for the period";
  else if (wonAmount.isZero()) reasons.forecast_accuracy = "nothing was won in the period";
  else kpis.forecast_accuracy = ratio(new MoneyDecimal(1).minus(new MoneyDecimal(o.forecast.amount).minus(wonAmount).abs().div(wonAmount)));

  if (avgDeal && winRate && cycleDays && !cycleDays.isZero()) {
    kpis.pipeline_velocity_per_day = money(new MoneyDecimal(openCount).times(winRate).times(avgDeal).div(cycleDays));
  } else reasons.pipeline_velocity_per_day = "needs deals won in the period with a sales cycle longer than zero";

  if (!inputs.activities) reasons.selling_time_share = reasons.prospect_meetings = "activities have no segment or source";
  else {
    kpis.prospect_meetings = inputs.activities.prospectMeetings;
    const lastDay = o.to < o.today ? o.to : o.today;
    const days = o.from <= lastDay ? businessDays(o.from, lastDay) : 0;
    const available = inputs.activities.sellers * days * SELLING_MINUTES_PER_DAY;
    if (available) kpis.selling_time_share = ratio(new MoneyDecimal(inputs.activities.sellingMinutes).div(available));
    else reasons.selling_time_share = "no rep or manager in scope during the period";
  }

  const previousWon = convertSum(inputs.previousWon.map((r) => ({ currency: r.currency, day: r.day, amount: r.wonAmount })));
  if (previousWon.isZero()) reasons.pipeline_coverage = "nothing was won in the previous period";
  else kpis.pipeline_coverage = fixed2(pipeline.div(previousWon));

  const stages = {} as Record<StagePair, string | null>;
  STAGE_PAIRS.forEach((pair, i) => {
    const base = inputs.cohort[i]!;
    stages[pair] = base ? ratio(new MoneyDecimal(inputs.cohort[i + 1]!).div(base)) : null;
  });
  kpis.stage_conversion = stages;
  if (!inputs.cohort[0]) reasons.stage_conversion = "no deals created in the period";
  return { kpis, reasons };
}

/** Today in a time zone, as an ISO date. */
export function todayIn(timeZone: string, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  } catch {
    return addDays(now.toISOString().slice(0, 10), 0);
  }
}
