import { createTestHost, type TestHost, type TestOrg, type TestUser } from "@opsdeck/plugin-sdk/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import reporting from "../server.ts";

let t: TestHost<[typeof reporting]>;
let org: TestOrg;
let ops: TestUser;
let manager: TestUser;
let rep: TestUser;

beforeAll(async () => {
  t = await createTestHost({ plugins: [reporting] });
  org = await t.createOrg();
  ops = await t.createUser(org, "ops");
  manager = await t.createUser(org, "manager");
  rep = await t.createUser(org, "rep");
});
afterAll(() => t.destroy());

const widgets = [
  { id: "won", kind: "kpi" as const, kpi: "closed_won_amount" as const, size: "small" as const },
  { id: "q", kind: "plugin" as const, pluginId: "crm-hygiene", contributionId: "data-quality", size: "medium" as const },
];

describe("dashboards", () => {
  it("lists the five built-in dashboards to everyone who may read dashboards", async () => {
    const list = await t.as(rep).reporting.dashboards.list();
    expect(list.filter((d) => d.builtIn).map((d) => d.id)).toEqual(["executive", "pipeline", "team", "leads", "rep"]);
    expect((await t.as(rep).reporting.dashboards.get({ id: "executive" })).widgets.length).toBeGreaterThan(5);
  });

  it("creates, shares, edits and deletes custom dashboards with plugin widgets", async () => {
    await expect(t.as(rep).reporting.dashboards.create({ name: "Mine", widgets })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const made = await t.as(manager).reporting.dashboards.create({ name: "Team board", widgets });
    expect(made).toMatchObject({ name: "Team board", sharing: "private", editable: true, builtIn: false });
    expect(made.widgets).toEqual(widgets);
    // Private: nobody else sees it.
    await expect(t.as(ops).reporting.dashboards.get({ id: made.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await t.as(ops).reporting.dashboards.list()).some((d) => d.id === made.id)).toBe(false);
    // Shared: everyone sees it, managers may arrange it.
    await t.as(manager).reporting.dashboards.update({ id: made.id, sharing: "organization" });
    expect((await t.as(rep).reporting.dashboards.get({ id: made.id })).editable).toBe(false);
    const moved = await t.as(ops).reporting.dashboards.update({ id: made.id, widgets: [widgets[1]!, { ...widgets[0]!, size: "large" }] });
    expect(moved.widgets.map((w) => `${w.id}:${w.size}`)).toEqual(["q:medium", "won:large"]);
    await t.as(manager).reporting.dashboards.delete({ id: made.id });
    await expect(t.as(manager).reporting.dashboards.get({ id: made.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses bad widgets and other organizations' dashboards", async () => {
    await expect(
      t.as(ops).reporting.dashboards.create({ name: "Bad", widgets: [{ id: "x", kind: "kpi", kpi: "nope" as "win_rate", size: "small" }] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(t.as(ops).reporting.dashboards.create({ name: "Dup", widgets: [widgets[0]!, widgets[0]!] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const mine = await t.as(ops).reporting.dashboards.create({ name: "Shared", widgets, sharing: "organization" });
    const other = await t.createOrg();
    await expect(t.as(other.owner).reporting.dashboards.get({ id: mine.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(t.as(other.owner).reporting.dashboards.update({ id: mine.id, name: "Mine now" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(t.as(other.owner).reporting.dashboards.get({ id: "not-a-dashboard" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
