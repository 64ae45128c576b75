import { describe, expect, it } from "vitest";
import { formatMoney } from "../lib/format/format-money.ts";
import { chartColor, displayValue, isChartEmpty, plotKey, toPlotData } from "./chart-data.ts";

describe("chart data", () => {
  it("plots a numeric copy but displays the exact decimal string", () => {
    const data = [{ month: "Jan", revenue: "12345678901234567.89" }];
    const [plotted] = toPlotData(data, ["revenue"]);
    expect(typeof plotted?.[plotKey("revenue")]).toBe("number");
    expect(plotted?.revenue).toBe("12345678901234567.89");
    const text = displayValue(plotted ?? {}, { key: "revenue" }, (value) => formatMoney(String(value), "USD", "en-US"));
    expect(text).toBe("$12,345,678,901,234,567.89");
  });

  it("prefers a preformatted label field", () => {
    expect(displayValue({ v: 1, vLabel: "$1.00 (est.)" }, { key: "v", formattedKey: "vLabel" })).toBe("$1.00 (est.)");
  });

  it("treats missing and non-numeric values as gaps", () => {
    const [plotted] = toPlotData([{ v: "n/a" }], ["v"]);
    expect(plotted?.[plotKey("v")]).toBeNull();
    expect(displayValue({}, { key: "v" })).toBe("—");
    expect(isChartEmpty([{ v: null }, { v: "" }], ["v"])).toBe(true);
    expect(isChartEmpty([{ v: 0 }], ["v"])).toBe(false);
  });

  it("cycles the theme palette", () => {
    expect(chartColor(0)).toBe("var(--color-chart-1)");
    expect(chartColor(9)).toBe("var(--color-chart-2)");
  });
});
