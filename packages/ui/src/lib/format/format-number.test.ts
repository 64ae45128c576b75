import { describe, expect, it } from "vitest";
import { formatNumber, formatPercent } from "./format-number.ts";

describe("formatNumber", () => {
  it("groups digits and keeps a long decimal string exact", () => {
    expect(formatNumber(1234567, { locale: "en-US" })).toBe("1,234,567");
    expect(formatNumber("98765432109876543210", { locale: "en-US" })).toBe("98,765,432,109,876,543,210");
    expect(formatNumber(3.14159, { locale: "en-US" })).toBe("3.14");
  });

  it("formats compactly", () => {
    expect(formatNumber(12345, { locale: "en-US", compact: true })).toBe("12.3K");
  });

  it("rejects NaN, Infinity and garbage strings", () => {
    expect(() => formatNumber(Number.NaN)).toThrow(RangeError);
    expect(() => formatNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => formatNumber("12,3")).toThrow(RangeError);
    expect(formatNumber(null)).toBe("—");
  });
});

describe("formatPercent", () => {
  it("formats a ratio as a percentage", () => {
    expect(formatPercent(0.253, { locale: "en-US" })).toBe("25.3%");
    expect(formatPercent(1, { locale: "en-US" })).toBe("100%");
    expect(formatPercent("0.12345", { locale: "en-US", fractionDigits: 2 })).toBe("12.35%");
  });

  it("signs deltas when asked", () => {
    expect(formatPercent(0.05, { locale: "en-US", signed: true })).toBe("+5%");
    expect(formatPercent(-0.05, { locale: "en-US", signed: true })).toBe("-5%");
    expect(formatPercent(0, { locale: "en-US", signed: true })).toBe("0%");
  });
});
