import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CORE_PERMISSION_IDS } from "../core-router/core-permissions.ts";
import { loadPlugins } from "../host/load-plugins.ts";
import { procedure, router } from "../trpc/procedures.ts";
import { definePlugin } from "./define-plugin.ts";
import type { AnyPluginDefinition } from "./types.ts";
import { validatePlugin } from "./validate-plugin.ts";

const base = {
  id: "acme",
  name: "Acme",
  version: "1.0.0",
  description: "",
  engines: { opsdeck: "^0.1.0" },
  permissions: [{ id: "acme.things.read", description: "Read things", defaultRoles: ["rep" as const] }],
  router: router({ list: procedure.permission("acme.things.read").query(() => []) }),
};

const problems = (def: unknown) => validatePlugin(def, CORE_PERMISSION_IDS).problems.join("\n");

describe("validatePlugin", () => {
  it("accepts a complete plugin and lists its procedures with what they require", () => {
    const check = validatePlugin(definePlugin(base), CORE_PERMISSION_IDS);
    expect(check.problems).toEqual([]);
    expect(check.procedures).toEqual([
      { path: "list", type: "query", access: { kind: "permission", permission: "acme.things.read" }, description: undefined, problem: undefined },
    ]);
  });

  it.each([
    [{ id: "core" }, /id: This id is reserved/],
    [{ id: "9lives" }, /id: Use lower-case letters/],
    [{ version: "1.0" }, /version: Not a semver version/],
    [{ permissions: [{ id: "other.things.read", description: "x", defaultRoles: [] }] }, /must be named "acme\.<area>\.<verb>"/],
    [{ permissions: [{ id: "acme.things", description: "x", defaultRoles: [] }] }, /must be named "acme\.<area>\.<verb>"/],
    [{ permissions: [{ id: "acme.things.read", description: "x", defaultRoles: ["emperor"] }] }, /defaultRoles/],
    [{ db: { schema: "acme", migrationsFolder: "/x" } }, /db\.schema: The schema must be "plugin_acme"/],
    [{ db: { schema: "plugin_acme", migrationsFolder: "drizzle" } }, /Use an absolute path/],
    [{ settings: z.object({ region: z.string() }) }, /Every setting needs a default/],
    [{ slots: { "reporting.dashboard.widget": [{ id: "w", render: () => null }] } }, /plain JSON/],
    [{ requires: { acme: "^1.0.0" } }, /cannot require itself/],
    [{ router: { list: () => [] } }, /router must be a tRPC router/],
    [{ cliAliases: ["Report"] }, /lower-case letters/],
    [{ cliAliases: ["admin"] }, /reserved/],
    [{ recordValidators: { contacts: "required" } }, /recordValidators must be a function/],
    [{ schedules: [{ job: "nightly", everyMinutes: 1440 }] }, /schedules\.0\.job: No job "nightly" is declared/],
    [{ schedules: [{ job: "nightly", everyMinutes: 0 }] }, /everyMinutes/],
  ])("refuses %o", (patch, problem) => {
    expect(problems({ ...base, ...patch })).toMatch(problem);
  });

  it("refuses a procedure that needs a permission nobody declares", () => {
    const router2 = router({ list: procedure.permission("acme.thing.read").query(() => []) });
    expect(problems({ ...base, router: router2 })).toMatch(/"list" requires the permission "acme\.thing\.read", which neither/);
  });

  it("accepts core permissions on a plugin's procedures", () => {
    const router2 = router({ list: procedure.permission("core.records.read").query(() => []) });
    expect(problems({ ...base, router: router2 })).toBe("");
  });

  it("refuses meta that claims less than the procedure enforces, or more", () => {
    const router2 = router({
      sneaky: procedure.permission("acme.things.read").meta({ access: { kind: "public" } }).query(() => []),
    });
    expect(problems({ ...base, router: router2 })).toMatch(
      /procedure "sneaky" declares public in its meta but enforces permission acme\.things\.read/,
    );
  });
});

describe("loadPlugins", () => {
  const plugin = (id: string, version: string, requires?: Record<string, string>): AnyPluginDefinition =>
    definePlugin({ ...base, id, version, requires, permissions: [], router: router({}) });

  it("checks required versions and orders a plugin after what it requires", async () => {
    const records = await loadPlugins(
      [plugin("reports", "1.0.0", { crm: "^2.0.0" }), plugin("crm", "2.3.0"), plugin("old", "1.0.0", { crm: "^1.0.0" })],
      { opsdeckVersion: "0.1.0", corePermissions: CORE_PERMISSION_IDS },
    );
    expect(records.map((r) => [r.id, r.health])).toEqual([
      ["crm", "healthy"],
      ["reports", "healthy"],
      ["old", "unhealthy"],
    ]);
    expect(records[2]?.reason).toBe('requires "crm" ^1.0.0, but 2.3.0 is installed');
  });

  it("marks plugins requiring each other, and what requires them, unhealthy", async () => {
    const records = await loadPlugins([plugin("a", "1.0.0", { b: "*" }), plugin("b", "1.0.0", { a: "*" }), plugin("c", "1.0.0", { a: "*" })], {
      opsdeckVersion: "0.1.0",
      corePermissions: CORE_PERMISSION_IDS,
    });
    expect(records.every((r) => r.health === "unhealthy")).toBe(true);
    expect(records.map((r) => r.reason).join("\n")).toMatch(/circular requires/);
  });
});
