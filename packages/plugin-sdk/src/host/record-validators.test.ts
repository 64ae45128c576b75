import { importCsv, type RecordCandidate } from "@opsdeck/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { definePlugin } from "../manifest/define-plugin.ts";
import { createTestHost, type TestHost } from "../testing.ts";
import { procedure, router } from "../trpc/procedures.ts";

// A plugin whose rule says a contact needs an email (blocks) and should have a title (warns).
const rules = definePlugin({
  id: "rules",
  name: "Rules",
  version: "1.0.0",
  description: "Validation rules for tests.",
  engines: { opsdeck: ">=0.0.0" },
  permissions: [{ id: "rules.rules.read", description: "Read", defaultRoles: ["rep"] }],
  router: router({ ping: procedure.permission("rules.rules.read").query(() => "pong") }),
  recordValidators: (_ctx, entity) =>
    Promise.resolve(
      entity !== "contacts"
        ? null
        : (records: readonly RecordCandidate[]) =>
            records.map((r) => [
              ...(r.values.email ? [] : [{ severity: "block" as const, field: "email", message: "A contact needs an email." }]),
              ...(r.values.title ? [] : [{ severity: "warn" as const, field: "title", message: "Add a title." }]),
            ]),
    ),
});

let t: TestHost<[typeof rules]>;
beforeAll(async () => {
  t = await createTestHost({ plugins: [rules] });
});
afterAll(() => t.destroy());

describe("plugins' recordValidators", () => {
  it("block core's record create and edit, and return warnings with the record", async () => {
    const org = await t.createOrg();
    const rep = await t.createUser(org, "rep");
    await expect(t.as(rep).core.records.create({ entity: "contacts", values: { lastName: "Doe" } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "A contact needs an email.",
    });
    const made = await t.as(rep).core.records.create({ entity: "contacts", values: { lastName: "Doe", email: "d@x.test" } });
    expect(made.warnings).toEqual([{ severity: "warn", field: "title", message: "Add a title.", source: "rules" }]);
    await expect(
      t.as(rep).core.records.update({ entity: "contacts", id: made.id, values: { email: null } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const edited = await t.as(rep).core.records.update({ entity: "contacts", id: made.id, values: { title: "CFO" } });
    expect(edited.warnings).toEqual([]);
  });

  it("apply to imports through the host's task contexts and recordValidator", async () => {
    const org = await t.createOrg();
    const ctx = await t.taskContext(org, "rules");
    const file = "external_id,last_name,email,title\nC-1,Doe,,CFO\nC-2,Roe,r@x.test,\n";
    const result = await importCsv(ctx.tenant, { entity: "contacts", input: file, mode: "skip-invalid" });
    expect(result).toMatchObject({ created: 1, invalid: 1 });
    expect(result.errors).toEqual([{ row: 1, column: "email", value: null, message: "A contact needs an email." }]);
    expect(result.warnings).toEqual([{ row: 2, column: "title", value: null, message: "Add a title." }]);
    const validator = await t.host.recordValidator(org.id);
    const again = await importCsv({ ...org.ownerCtx, recordValidator: validator }, { entity: "contacts", input: file });
    expect(again).toMatchObject({ committed: false, errorCount: 1 });
  });

  it("stop applying where the plugin is disabled", async () => {
    const org = await t.createOrg();
    await t.setEnabled(org, "rules", false);
    const made = await t.as(org.owner).core.records.create({ entity: "contacts", values: { lastName: "Doe" } });
    expect(made.warnings).toEqual([]);
    expect(await t.host.recordValidator(org.id)).toBeUndefined();
  });
});
