import { format } from "date-fns";
import { describe, expect, it } from "vitest";
import { getDateRangePresets, matchDateRangePreset, type DateRangePreset } from "./date-range-presets.ts";

const day = (value: Date) => format(value, "yyyy-MM-dd");
const byId = (presets: DateRangePreset[], id: string) => {
  const preset = presets.find((each) => each.id === id);
  if (!preset) throw new Error(`no preset ${id}`);
  return `${day(preset.range.from)}..${day(preset.range.to)}`;
};

describe("getDateRangePresets", () => {
  const today = new Date(2025, 4, 14, 15, 30); // 14 May 2025, afternoon

  it("computes calendar quarters and years", () => {
    const presets = getDateRangePresets(today);
    expect(byId(presets, "this-quarter")).toBe("2025-04-01..2025-06-30");
    expect(byId(presets, "last-quarter")).toBe("2025-01-01..2025-03-31");
    expect(byId(presets, "this-year")).toBe("2025-01-01..2025-12-31");
    expect(byId(presets, "last-year")).toBe("2024-01-01..2024-12-31");
    expect(byId(presets, "year-to-date")).toBe("2025-01-01..2025-05-14");
    expect(byId(presets, "last-month")).toBe("2025-04-01..2025-04-30");
    expect(byId(presets, "last-7-days")).toBe("2025-05-08..2025-05-14");
  });

  it("covers whole days from midnight to the last millisecond", () => {
    const preset = getDateRangePresets(today).find((each) => each.id === "this-month");
    expect(preset?.range.from.getHours()).toBe(0);
    expect(preset?.range.to.getHours()).toBe(23);
    expect(preset?.range.to.getMilliseconds()).toBe(999);
  });

  it("follows a fiscal year starting in February", () => {
    const presets = getDateRangePresets(today, { fiscalYearStartMonth: 2 });
    expect(byId(presets, "this-quarter")).toBe("2025-05-01..2025-07-31");
    expect(byId(presets, "last-quarter")).toBe("2025-02-01..2025-04-30");
    expect(byId(presets, "this-year")).toBe("2025-02-01..2026-01-31");
    expect(byId(presets, "last-year")).toBe("2024-02-01..2025-01-31");
  });

  it("wraps last quarter into the previous year in January", () => {
    const presets = getDateRangePresets(new Date(2025, 0, 10));
    expect(byId(presets, "last-quarter")).toBe("2024-10-01..2024-12-31");
  });

  it("rejects a fiscal month outside 1–12", () => {
    expect(() => getDateRangePresets(today, { fiscalYearStartMonth: 13 })).toThrow(RangeError);
  });

  it("recognises a range that equals a preset", () => {
    const presets = getDateRangePresets(today);
    expect(matchDateRangePreset(presets, { from: new Date(2025, 3, 1), to: new Date(2025, 5, 30) })?.id).toBe(
      "this-quarter",
    );
    expect(matchDateRangePreset(presets, { from: new Date(2025, 3, 2), to: new Date(2025, 5, 30) })).toBeUndefined();
  });
});
