import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect.ts";

describe("safeRedirect", () => {
  it("keeps a path of the app with its query", () => {
    expect(safeRedirect("/admin/users?status=all")).toBe("/admin/users?status=all");
  });

  it("refuses other sites, protocol-relative and backslash tricks, and the sign-in page itself", () => {
    for (const bad of ["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "/sign-in?redirect=/x", undefined, 42]) {
      expect(safeRedirect(bad)).toBe("/");
    }
  });
});
