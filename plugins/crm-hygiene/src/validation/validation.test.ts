import { createRecord, importCsv } from "@opsdeck/core";
import { createTestHost, type TestHost, type TestOrg, type TestUser } from "@opsdeck/plugin-sdk/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import hygiene from "../server.ts";

let t: TestHost<[typeof hygiene]>;
let org: TestOrg;
let other: TestOrg;
let ops: TestUser;
let rep: TestUser;
let wonRule: string;

const wonNeedsAmount = {
  entity: "opportunities",
  name: "Won deals have an amount and a close date",
  config: { kind: "cross_field", when: { field: "stage", op: "equals", values: ["closed_won"] }, require: ["amount", "closeDate"] },
  severity: "block",
  message: "A won opportunity needs an amount and a close date.",
};
const titleWarning = {
  entity: "contacts",
  name: "Contacts have a title",
  config: { kind: "required", field: "title" },
  severity: "warn",
  message: "Add the contact's title.",
};

beforeAll(async () => {
  t = await createTestHost({ plugins: [hygiene] });
  org = await t.createOrg();
  other = await t.createOrg();
  ops = await t.createUser(org, "ops");
  rep = await t.createUser(org, "rep");
  // Records written before any rule exists: they show up as violations later.
  await createRecord(org.ownerCtx, "opportunities", { name: "Old win", stage: "closed_won" });
  await createRecord(other.ownerCtx, "opportunities", { name: "Other org's win", stage: "closed_won" });
  wonRule = (await t.as(ops)["crm-hygiene"].validation.create(wonNeedsAmount)).id;
  await t.as(ops)["crm-hygiene"].validation.create(titleWarning);
});
afterAll(() => t.destroy());

describe("validation rules", () => {
  it("are managed by ops, not reps, and refuse a malformed rule with issues", async () => {
    await expect(t.as(rep)["crm-hygiene"].validation.create(titleWarning)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(t.as(rep)["crm-hygiene"].validation.delete({ id: wonRule })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      t.as(ops)["crm-hygiene"].validation.create({ ...titleWarning, config: { kind: "pattern", field: "nope", pattern: "(" } }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: {
        issues: expect.arrayContaining([
          expect.objectContaining({ path: ["config", "field"] }),
          expect.objectContaining({ path: ["config", "pattern"] }),
        ]),
      },
    });
    expect((await t.as(rep)["crm-hygiene"].validation.list()).map((r) => r.name)).toEqual([
      "Contacts have a title",
      "Won deals have an amount and a close date",
    ]);
  });

  it("block a create and an edit with the rule's message, and let warnings through with the record", async () => {
    await expect(
      t.as(rep).core.records.create({ entity: "opportunities", values: { name: "Big", stage: "closed_won", amount: "10" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "A won opportunity needs an amount and a close date." });
    const open = await t.as(rep).core.records.create({ entity: "opportunities", values: { name: "Open", stage: "prospecting" } });
    await expect(
      t.as(rep).core.records.update({ entity: "opportunities", id: open.id, values: { stage: "closed_won" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const won = await t.as(rep).core.records.update({
      entity: "opportunities",
      id: open.id,
      values: { stage: "closed_won", amount: "500", closeDate: "2030-03-31" },
    });
    expect((won as { isWon?: boolean }).isWon).toBe(true);
    const contact = await t.as(rep).core.records.create({ entity: "contacts", values: { lastName: "Doe" } });
    expect(contact.warnings).toEqual([
      expect.objectContaining({ severity: "warn", field: "title", message: "Add the contact's title." }),
    ]);
  });

  it("refuse a blocked import row with its row, column and reason; warnings do not block", async () => {
    const ctx = await t.taskContext(org, "crm-hygiene");
    const deals = [
      "external_id,name,stage,amount,close_date",
      "D-1,Fine,closed_won,100,2030-01-31",
      "D-2,No amount,closed_won,,2030-01-31",
      "D-3,Open,prospecting,,",
    ].join("\n");
    const refused = await importCsv(ctx.tenant, { entity: "opportunities", input: deals });
    expect(refused.committed).toBe(false);
    expect(refused.errors).toEqual([
      { row: 2, column: "amount", value: null, message: "A won opportunity needs an amount and a close date." },
    ]);
    const skipped = await importCsv(ctx.tenant, { entity: "opportunities", input: deals, mode: "skip-invalid" });
    expect(skipped).toMatchObject({ committed: true, created: 2, invalid: 1 });
    const people = await importCsv(ctx.tenant, { entity: "contacts", input: "external_id,last_name,title\nP-1,Roe,\nP-2,Poe,CEO\n" });
    expect(people).toMatchObject({ committed: true, created: 2, warningCount: 1 });
    expect(people.warnings).toEqual([{ row: 1, column: "title", value: null, message: "Add the contact's title." }]);
  });

  it("list each rule's violations with links, in this organization only", async () => {
    const list = await t.as(rep)["crm-hygiene"].validation.list();
    const won = list.find((r) => r.id === wonRule)!;
    expect(won.violations).toBe(1);
    expect(won.summary).toBe("When Stage is closed_won: Amount, Close date required");
    const violations = await t.as(rep)["crm-hygiene"].validation.violations({ id: wonRule });
    expect(violations.total).toBe(1);
    expect(violations.rows).toEqual([
      expect.objectContaining({ label: "Old win", values: { stage: "closed_won", amount: null, closeDate: null } }),
    ]);
    await expect(t.as(other.owner)["crm-hygiene"].validation.violations({ id: wonRule })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.as(other.owner)["crm-hygiene"].validation.list()).toEqual([]);
  });

  it("stop applying when disabled, and do not reach other organizations", async () => {
    await t.as(ops)["crm-hygiene"].validation.update({ id: wonRule, rule: { ...wonNeedsAmount, enabled: false } });
    await expect(
      t.as(rep).core.records.create({ entity: "opportunities", values: { name: "Later", stage: "closed_won" } }),
    ).resolves.toMatchObject({ name: "Later", warnings: [] });
    await expect(
      t.as(other.owner).core.records.create({ entity: "contacts", values: { lastName: "Untitled" } }),
    ).resolves.toMatchObject({ warnings: [] });
  });
});
