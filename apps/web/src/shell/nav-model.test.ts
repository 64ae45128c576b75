import { defineWebPlugin } from "@opsdeck/plugin-sdk/web";
import { describe, expect, it } from "vitest";
import { activeEntryId, buildNav, pluginHref } from "./nav-model.tsx";

const hello = { id: "hello", name: "Hello", definition: defineWebPlugin({ id: "hello", nav: [{ label: "Say hello" }, { label: "Secret", to: "/secret", permission: "hello.secret.view" }] }) };

describe("the sidebar", () => {
  it("offers only the admin pages the user has permissions for", () => {
    const rep = buildNav({ permissions: new Set(["core.records.read"]), plugins: [], failed: [], visibleIds: new Set(), pending: [] });
    expect(rep.map((s) => s.label)).toEqual([undefined, "Data"]);
    expect(rep[1]!.entries.map((e) => e.label)).not.toContain("Import data");
    const admin = buildNav({ permissions: new Set(["core.users.read", "core.audit.read"]), plugins: [], failed: [], visibleIds: new Set(), pending: [] });
    expect(admin.at(-1)).toMatchObject({ label: "Administration", entries: [{ label: "Users" }, { label: "Audit log" }] });
  });

  it("gives each loaded plugin a section of the entries the user may see, and a failed or pending plugin one entry", () => {
    const sections = buildNav({
      permissions: new Set(),
      plugins: [hello],
      failed: [{ id: "crash", name: "Crash", status: "failed", error: new Error("x") }],
      visibleIds: new Set(["hello", "crash"]),
      pending: [{ id: "reporting", name: "Reporting" }],
    });
    expect(sections.find((s) => s.label === "Hello")!.entries.map((e) => [e.label, e.href])).toEqual([["Say hello", "/hello"]]);
    expect(sections.find((s) => s.label === "Unavailable")!.entries.map((e) => e.href)).toEqual(["/crash"]);
    expect(sections.find((s) => s.label === "Plugins")!.entries.map((e) => e.href)).toEqual(["/reporting"]);
  });

  it("marks the entry whose address is the longest prefix of the page's", () => {
    const sections = buildNav({ permissions: new Set(["core.records.read"]), plugins: [hello], failed: [], visibleIds: new Set(["hello"]), pending: [] });
    expect(activeEntryId(sections, "/records/accounts/123")).toBe("accounts");
    expect(activeEntryId(sections, "/")).toBe("home");
    expect(activeEntryId(sections, "/hello")).toBe("plugin:hello:0");
    expect(pluginHref("hello", "/rules/")).toBe("/hello/rules/");
  });
});
