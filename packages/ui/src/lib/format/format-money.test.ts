import { describe, expect, it } from "vitest";
import { formatMoney } from "./format-money.ts";

describe("formatMoney", () => {
  it("keeps every digit of a decimal string that a float would round", () => {
    expect(formatMoney("12345678901234567.89", "USD", "en-US")).toBe("$12,345,678,901,234,567.89");
    // The same value through a float loses the cents (the literal is the point of the test).
    // eslint-disable-next-line no-loss-of-precision
    expect(new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(12345678901234567.89)).toBe(
      "$12,345,678,901,234,568.00",
    );
  });

  it("rounds half away from zero on the decimal digits, not on a binary approximation", () => {
    expect(formatMoney("0.005", "USD", "en-US")).toBe("$0.01");
    expect(formatMoney("2.675", "USD", "en-US")).toBe("$2.68");
    expect(formatMoney("-0.125", "USD", "en-US")).toBe("-$0.13");
  });

  it("follows the currency's digits and the locale's separators", () => {
    expect(formatMoney("1234.5", "JPY", "ja-JP")).toBe("￥1,235");
    expect(formatMoney("9999999999999999999.99", "EUR", "de-DE")).toBe("9.999.999.999.999.999.999,99\u00a0€");
  });

  it("supports compact and signed display", () => {
    expect(formatMoney("1234567.89", "USD", "en-US", { compact: true })).toBe("$1.2M");
    expect(formatMoney("250", "USD", "en-US", { signDisplay: "always" })).toBe("+$250.00");
  });

  it("shows a dash for a missing value and refuses anything that is not a decimal string", () => {
    expect(formatMoney(null, "USD")).toBe("—");
    expect(formatMoney(undefined, "USD")).toBe("—");
    expect(() => formatMoney("12abc", "USD")).toThrow(RangeError);
    expect(() => formatMoney("1e3", "USD")).toThrow(RangeError);
    expect(() => formatMoney("", "USD")).toThrow(RangeError);
  });
});
