import { describe, expect, it } from "vitest";
import { checkMigrationSql } from "./migration-check.ts";

const own = "plugin_x";

describe("checkMigrationSql", () => {
  it("accepts what drizzle-kit generates for a plugin pointing at core", () => {
    expect(
      checkMigrationSql(own, [
        'CREATE SCHEMA "plugin_x";',
        'CREATE TYPE "plugin_x"."status" AS ENUM(\'a\', \'b\');',
        'CREATE TABLE "plugin_x"."t" ("id" uuid PRIMARY KEY, "s" "plugin_x"."status", "n" numeric, CONSTRAINT "c" CHECK ("t"."n" > 0.5));',
        'ALTER TABLE "plugin_x"."t" ADD CONSTRAINT "fk" FOREIGN KEY ("org") REFERENCES "core"."organizations"("id") ON DELETE cascade;',
        'CREATE INDEX "i" ON "plugin_x"."t" USING btree ("id");',
        "-- a comment about core.accounts is fine",
        "INSERT INTO plugin_x.t (id) VALUES ('core.accounts is just text')",
        'SELECT pg_catalog.now();',
      ]),
    ).toEqual([]);
  });

  it.each([
    ['CREATE TABLE "public"."t" (id int)', /creates the table "public"\."t" outside "plugin_x"/],
    ["CREATE TABLE t (id int)", /creates the table "t" without a schema/],
    ['ALTER TABLE "core"."accounts" ADD COLUMN x text', /a plugin may point at core only with REFERENCES/],
    ["insert into core.audit_log (action) values ('x')", /touches core\.audit_log/],
    ['CREATE INDEX i ON "plugin_y"."t" (id)', /touches "plugin_y"\."t", outside "plugin_x"/],
    ['ALTER TABLE "plugin_x"."t" ADD FOREIGN KEY (o) REFERENCES "plugin_other"."t"(id)', /outside "plugin_x"/],
    ["CREATE SCHEMA evil", /creates the schema "evil"/],
    ["CREATE EXTENSION pgcrypto", /extension/],
    ["SET search_path TO public", /search_path/],
    ["CREATE OR REPLACE FUNCTION f() RETURNS int AS $$ select 1 $$ LANGUAGE sql", /function "f" without a schema/],
  ])("refuses %s", (statement, problem) => {
    const problems = checkMigrationSql(own, [statement]);
    expect(problems.join("\n")).toMatch(problem);
  });
});
