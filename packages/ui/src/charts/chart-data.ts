import { formatNumber } from "../lib/format/format-number.ts";

/** One row of chart data: the x value and one field per series (numbers or exact decimal strings). */
export type ChartDatum = Record<string, unknown>;

export interface ChartSeries {
  /** The field of each datum holding this series' value. */
  key: string;
  label: string;
  /** A CSS colour; default: the theme palette in order (--color-chart-1…8). */
  color?: string;
  /** A field of each datum holding this value already formatted (e.g. "$12,400.50"), shown in tooltips as is. */
  formattedKey?: string;
}

/** Formats a raw series value for display; money arrives as the exact decimal string it was given. */
export type ChartValueFormatter = (value: number | string, seriesKey: string) => string;

const PALETTE_SIZE = 8;

/** The theme colour for the n-th series (cycles through the 8 chart tokens). */
export function chartColor(index: number): string {
  return `var(--color-chart-${(index % PALETTE_SIZE) + 1})`;
}

/** The field recharts plots for a series (its numeric copy). */
export function plotKey(key: string): string {
  return `__plot_${key}`;
}

function toPlotNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && value.trim() !== "") {
    const number = Number(value);
    return Number.isFinite(number) ? number : null;
  }
  return null;
}

/**
 * Adds a numeric copy of each series value for recharts' geometry. A float is fine for where a bar ends
 * (sub-pixel), never for what a label says: displays read the original value.
 */
export function toPlotData(data: readonly ChartDatum[], keys: readonly string[]): ChartDatum[] {
  return data.map((datum) => {
    const copy: ChartDatum = { ...datum };
    for (const key of keys) copy[plotKey(key)] = toPlotNumber(datum[key]);
    return copy;
  });
}

/** The text a tooltip or legend shows for a series' value in a datum. */
export function displayValue(
  datum: ChartDatum,
  series: Pick<ChartSeries, "key" | "formattedKey">,
  formatter?: ChartValueFormatter,
): string {
  if (series.formattedKey) {
    const formatted = datum[series.formattedKey];
    if (typeof formatted === "string") return formatted;
  }
  const raw = datum[series.key];
  if (typeof raw !== "number" && typeof raw !== "string") return "—";
  if (formatter) return formatter(raw, series.key);
  return formatNumber(raw);
}

/** True when no datum has a plottable value for any series. */
export function isChartEmpty(data: readonly ChartDatum[], keys: readonly string[]): boolean {
  return !data.some((datum) => keys.some((key) => toPlotNumber(datum[key]) !== null));
}
