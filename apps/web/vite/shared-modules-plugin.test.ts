import path from "node:path";
import { describe, expect, it } from "vitest";
import { sharedEntryName, sharedEntrySource } from "./shared-modules-plugin.ts";

const root = path.resolve(import.meta.dirname, "..");

describe("shared entries", () => {
  it("names each entry after its package, without the scope's @ and with dashes for slashes", () => {
    expect(sharedEntryName("react/jsx-runtime")).toBe("shared/react-jsx-runtime");
    expect(sharedEntryName("@tanstack/react-query")).toBe("shared/tanstack-react-query");
    expect(sharedEntryName("@opsdeck/plugin-sdk/web")).toBe("shared/opsdeck-plugin-sdk-web");
  });

  it("spells out React's named exports (CommonJS: `export *` would export nothing) and gives it a default", () => {
    const source = sharedEntrySource(root, "react");
    expect(source).toMatch(/export \{[^}]*\buseState\b[^}]*\} from "react";/);
    expect(source).toMatch(/\bcreateElement\b/);
    expect(source).toContain("export default all;");
    expect(sharedEntrySource(root, "react/jsx-runtime")).toMatch(/export \{ Fragment, jsx, jsxs \} from "react\/jsx-runtime";/);
  });

  it("re-exports ES module packages and our own packages whole", () => {
    expect(sharedEntrySource(root, "@tanstack/react-router")).toBe('export * from "@tanstack/react-router";\n');
    expect(sharedEntrySource(root, "@opsdeck/ui")).toBe('export * from "@opsdeck/ui";\n');
  });
});
