import { queryRows } from "@opsdeck/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureSources } from "../../test/support/fixtures.ts";
import type { PluginSource } from "./plugin-record.ts";
import { bootLog } from "../../test/fixtures/plugins/notes/src/server.ts";
import type { NotesRouter } from "../../test/fixtures/plugins/notes/src/router.ts";
import { createTestHost, type TestHost } from "../testing.ts";

describe("a host started with good and broken plugins", () => {
  let t: TestHost<PluginSource[]>;
  beforeAll(async () => {
    t = await createTestHost({ plugins: fixtureSources() });
  });
  afterAll(async () => {
    await t.destroy();
  });

  const health = (id: string) => t.host.list().find((p) => p.id === id || p.source === id);

  it("serves the good plugin: migrated in its own schema, booted once", async () => {
    expect(health("notes")).toMatchObject({ health: "healthy", reason: null, version: "1.2.0", dbSchema: "plugin_notes" });
    const tables = await queryRows<{ table_name: string }>(
      t.db.db,
      sql`select table_name from information_schema.tables where table_schema = 'plugin_notes'`,
    );
    expect(tables.map((r) => r.table_name)).toEqual(["notes"]);
    const recorded = await queryRows(t.db.db, sql`select tag from opsdeck_migrations."plugin_notes"`);
    expect(recorded).toHaveLength(1);
    expect(bootLog.filter((id) => id === "notes").length).toBeGreaterThanOrEqual(1);
    const org = await t.createOrg();
    await expect(t.caller<NotesRouter>(org.owner, "notes").ping()).resolves.toMatchObject({ pong: true });
  });

  it("serves a healthy plugin that requires the good one", () => {
    expect(health("needs-notes")).toMatchObject({ health: "healthy" });
  });

  it.each([
    ["@opsdeck-fixtures/bad-manifest", /invalid plugin: .*id: Use lower-case letters.*version: Not a semver version.*engines\.opsdeck: Not a semver range/],
    ["foreign-permission", /Permission "core\.users\.manage" must be named "foreign-permission\.<area>\.<verb>"/],
    ["failing-migration", /migration failed: .*missing_table.* does not exist/],
    ["escaping-migration", /migrations refused: (?=.*"core"\."accounts": a plugin may point at core only with REFERENCES)(?=.*"stray" without a schema)/],
    ["throwing-boot", /boot failed: cannot reach the license server/],
    ["undeclared-permission", /procedure "things\.exportAll" declares no permission/],
    ["engines-mismatch", /engines\.opsdeck ">=99\.0\.0" does not admit the running Opsdeck 0\.1\.0/],
    ["missing-requires", /requires the plugin "billing" \(\^1\.0\.0\), which is not installed/],
    ["@opsdeck-fixtures/import-throws", /import failed: Cannot find module 'left-pad'/],
  ])("reports %s unhealthy with its reason", (id, reason) => {
    const summary = health(id);
    expect(summary?.health).toBe("unhealthy");
    expect(summary?.reason).toMatch(reason);
  });

  it("refuses a second plugin with the same id and keeps the first", () => {
    const copies = t.host.list().filter((p) => p.id === "notes");
    expect(copies.map((p) => [p.source, p.health])).toEqual([
      ["@opsdeck-fixtures/notes", "healthy"],
      ["@opsdeck-fixtures/notes-copy", "unhealthy"],
    ]);
    expect(copies[1]?.reason).toMatch(/duplicate plugin id "notes" \(also provided by @opsdeck-fixtures\/notes\)/);
  });

  it("ignores packages without a ./server entry", () => {
    expect(t.host.list().some((p) => p.source.includes("not-a-plugin"))).toBe(false);
  });

  it("leaves nothing of a failed migration behind", async () => {
    const schemas = await queryRows<{ n: string }>(
      t.db.db,
      sql`select nspname as n from pg_namespace where nspname in ('plugin_failing_migration', 'plugin_escaping_migration')`,
    );
    expect(schemas).toEqual([]);
    const column = await queryRows(
      t.db.db,
      sql`select 1 from information_schema.columns where table_schema = 'core' and table_name = 'accounts' and column_name = 'escaped'`,
    );
    expect(column).toEqual([]);
  });

  it("answers calls to an unhealthy or unknown plugin with NOT_FOUND", async () => {
    const org = await t.createOrg();
    for (const [id, message] of [
      ["throwing-boot", 'The plugin "throwing-boot" is unavailable (unhealthy).'],
      ["no-such-plugin", 'No procedure found on path "ping"'],
    ] as const) {
      const response = await t.host.handle(id, new Request(`http://x/api/trpc/${id}/ping`), () => ({ ...org.owner }));
      expect(response.status).toBe(404);
      const body = (await response.json()) as { error: { json: { message: string; data: { code: string } } } };
      expect(body.error.json).toMatchObject({ message, data: { code: "NOT_FOUND" } });
    }
  });
});
