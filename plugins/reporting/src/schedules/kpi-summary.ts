import { MoneyDecimal } from "@opsdeck/core";
import { stringify } from "csv-stringify/sync";
import { KPIS, STAGE_PAIRS, type KpiAnswer, type KpiFormat, type KpiKey } from "../kpis/catalogue.ts";

/** One line of a KPI summary: what the mail's table and its CSV attachment show. */
export interface KpiLine {
  key: string;
  label: string;
  /** Exact, as the KPI service answers it ("" when there is no value). */
  value: string;
  /** What the value counts in: the currency, "ratio", "days"… */
  unit: string;
  /** Shown to people: `42.50%`, `USD 1,234.50`. */
  display: string;
  /** Why there is no value, from the KPI service. */
  note: string;
}

const grouped = (v: string, decimals: number) =>
  new Intl.NumberFormat("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(Number(v));

/** A KPI value for people; the exact value stays in `KpiLine.value` and the CSV. */
export function displayKpi(format: KpiFormat, value: string | number | null, currency: string): string {
  if (value === null) return "—";
  const v = String(value);
  switch (format) {
    case "count":
      return grouped(v, 0);
    case "money":
      return `${currency} ${grouped(v, 2)}`;
    case "ratio":
    case "stages":
      return `${new MoneyDecimal(v).times(100).toFixed(2, MoneyDecimal.ROUND_HALF_EVEN)}%`;
    case "multiple":
      return `${new MoneyDecimal(v).toFixed(2, MoneyDecimal.ROUND_HALF_EVEN)}×`;
    case "days":
      return `${grouped(v, 1)} days`;
    case "minutes":
      return `${grouped(v, 1)} min`;
  }
}

const unitOf = (format: KpiFormat, currency: string) => (format === "money" ? currency : format === "stages" ? "ratio" : format);

/** The lines of the given KPIs, in order; stage conversion becomes one line per stage pair. */
export function kpiLines(answer: KpiAnswer, keys: readonly KpiKey[]): KpiLine[] {
  const lines: KpiLine[] = [];
  for (const key of keys) {
    const def = KPIS[key];
    const note = answer.reasons[key] ?? "";
    const value = answer.kpis[key];
    if (def.format === "stages") {
      const stages = (value ?? {}) as Partial<Record<(typeof STAGE_PAIRS)[number], string | null>>;
      for (const pair of STAGE_PAIRS) {
        const v = stages[pair] ?? null;
        lines.push({ key: `${key}.${pair}`, label: `${def.label}: ${pair.replaceAll("_", " ")}`, value: v ?? "", unit: "ratio", display: displayKpi("stages", v, answer.currency), note });
      }
      continue;
    }
    const scalar = value === null || typeof value === "object" ? null : value;
    lines.push({ key, label: def.label, value: scalar === null ? "" : String(scalar), unit: unitOf(def.format, answer.currency), display: displayKpi(def.format, scalar, answer.currency), note });
  }
  return lines;
}

/** A plain-text table for the mail body, columns padded so it lines up in a monospaced mail client. */
export function kpiTextTable(lines: KpiLine[]): string {
  const width = Math.max(...lines.map((l) => l.label.length), 3);
  const valueWidth = Math.max(...lines.map((l) => l.display.length), 5);
  return lines.map((l) => `${l.label.padEnd(width)}  ${l.display.padStart(valueWidth)}${l.note ? `  (${l.note})` : ""}`).join("\n");
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The same table in HTML for mail clients that show it. */
export function kpiHtmlTable(lines: KpiLine[]): string {
  const rows = lines
    .map((l) => `<tr><td style="padding:4px 12px 4px 0">${escape(l.label)}</td><td style="padding:4px 12px;text-align:right;font-variant-numeric:tabular-nums">${escape(l.display)}</td><td style="padding:4px 0;color:#6b7280">${escape(l.note)}</td></tr>`)
    .join("");
  return `<table style="border-collapse:collapse;font-family:system-ui,sans-serif;font-size:14px"><thead><tr><th style="text-align:left;padding:4px 12px 4px 0">KPI</th><th style="text-align:right;padding:4px 12px">Value</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The CSV attachment: one row per KPI with the exact value, its unit and the reason when it has none. */
export function kpiCsv(lines: KpiLine[], period: { from: string; to: string }): string {
  return stringify(
    [["kpi", "label", "value", "unit", "from", "to", "note"], ...lines.map((l) => [l.key, l.label, l.value, l.unit, period.from, period.to, l.note])],
    { bom: true },
  );
}
