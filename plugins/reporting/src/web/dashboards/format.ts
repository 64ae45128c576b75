import { formatMoney, formatNumber, formatPercent } from "@opsdeck/ui";
import { KPIS, type KpiKey, type KpiValue } from "../../kpis/catalogue.ts";

/** A KPI value as a tile shows it; money stays an exact decimal string until Intl formats it. */
export function formatKpi(key: KpiKey, value: KpiValue, currency: string, compact = false): string {
  if (value === null || typeof value === "object") return "—";
  switch (KPIS[key].format) {
    case "count":
      return formatNumber(Number(value));
    case "money":
      return formatMoney(`${value}`, currency, undefined, compact ? { compact: true } : {});
    case "ratio":
      return formatPercent(`${value}`, { fractionDigits: 1 });
    case "days":
      return `${formatNumber(`${value}`, { maximumFractionDigits: 1 })} days`;
    case "minutes":
      return `${formatNumber(`${value}`, { maximumFractionDigits: 0 })} min`;
    case "multiple":
      return `${formatNumber(`${value}`, { maximumFractionDigits: 2 })}×`;
    case "stages":
      return "";
  }
}
