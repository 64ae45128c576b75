import { describe, expect, it } from "vitest";
import { COUNTRIES } from "./countries.ts";
import { formatPhone, phoneFormatCount, phoneNumber } from "./phones.ts";

describe("phone numbers", () => {
  it("write the same number in every format of its country (same last 9 digits)", () => {
    for (const country of COUNTRIES) {
      const phone = phoneNumber(country.code, 777);
      const texts = Array.from({ length: phoneFormatCount(country.code) }, (_, f) => formatPhone(phone, f));
      expect(new Set(texts).size, country.code).toBe(texts.length);
      expect(new Set(texts.map((t) => t.replace(/\D/g, "").slice(-9))).size, country.code).toBe(1);
    }
    expect(formatPhone(phoneNumber("US", 0), 1)).toMatch(/^\(\d{3}\) 555-\d{4}$/);
  });

  it("never give two people the same number by accident", () => {
    for (const code of ["US", "GB", "JP"]) {
      const numbers = new Set(Array.from({ length: 50_000 }, (_, i) => formatPhone(phoneNumber(code, i), 0)));
      expect(numbers.size).toBe(50_000);
    }
  });
});
