import { describe, expect, it } from "vitest";
import { formatDate, formatRelativeTime, toDate } from "./format-date.ts";

describe("formatDate", () => {
  it("treats a date-only string as a calendar day, not UTC midnight", () => {
    const date = toDate("2025-03-31");
    expect([date.getFullYear(), date.getMonth(), date.getDate()]).toEqual([2025, 2, 31]);
    expect(formatDate("2025-03-31", { locale: "en-US" })).toBe("Mar 31, 2025");
  });

  it("formats styles and times", () => {
    const instant = "2025-07-04T15:30:00Z";
    expect(formatDate(instant, { locale: "en-US", style: "long", timeZone: "UTC" })).toBe("July 4, 2025");
    // ICU versions differ on the space before PM (narrow no-break or plain): compare with spaces normalised.
    const withTime = formatDate(instant, { locale: "en-US", style: "short", withTime: true, timeZone: "UTC" });
    expect(withTime.replace(/\s/g, " ")).toBe("7/4/25, 3:30 PM");
  });

  it("rejects an invalid date and dashes a missing one", () => {
    expect(() => formatDate("not a date")).toThrow(RangeError);
    expect(formatDate(undefined)).toBe("—");
  });
});

describe("formatRelativeTime", () => {
  const now = new Date("2025-06-15T12:00:00Z");

  it("picks the largest fitting unit", () => {
    expect(formatRelativeTime("2025-06-15T11:59:50Z", { now, locale: "en" })).toBe("now");
    expect(formatRelativeTime("2025-06-15T09:00:00Z", { now, locale: "en" })).toBe("3 hours ago");
    expect(formatRelativeTime("2025-06-14T12:00:00Z", { now, locale: "en" })).toBe("yesterday");
    expect(formatRelativeTime("2025-06-29T12:00:00Z", { now, locale: "en" })).toBe("in 2 weeks");
    expect(formatRelativeTime("2023-06-15T12:00:00Z", { now, locale: "en" })).toBe("2 years ago");
  });
});
