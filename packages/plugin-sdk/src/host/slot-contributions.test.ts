import { afterAll, beforeAll, describe, expect, it } from "vitest";
import needsNotes from "../../test/fixtures/plugins/needs-notes/server.ts";
import notes from "../../test/fixtures/plugins/notes/src/server.ts";
import { createTestHost, type TestHost } from "../testing.ts";

const WIDGETS = "reporting.dashboard.widget";

let t: TestHost<[typeof notes, typeof needsNotes]>;
beforeAll(async () => {
  t = await createTestHost({ plugins: [notes, needsNotes] });
});
afterAll(() => t.destroy());

describe("ctx.slotContributions (a slot's owner reading what other plugins contribute)", () => {
  it("lists the contributions of the plugins enabled in the organization, with their plugin id", async () => {
    const org = await t.createOrg("slots-on");
    const ctx = await t.taskContext(org, "needs-notes");
    expect(ctx.slotContributions(WIDGETS)).toEqual([
      { pluginId: "notes", contribution: { id: "notes-count", title: "Notes", size: "small" } },
    ]);
    expect(ctx.slotContributions("reporting.report.dataset")).toEqual([]);
  });

  it("drops a plugin's contributions where it is disabled, in request contexts too", async () => {
    const org = await t.createOrg("slots-off");
    const owner = { userId: org.owner.userId, email: org.owner.email, name: "Owner", organizationId: org.id };
    await t.setEnabled(org, "needs-notes", false);
    await t.setEnabled(org, "notes", false);
    expect((await t.host.createContext("core", owner)).slotContributions(WIDGETS)).toEqual([]);
    await t.setEnabled(org, "notes", true);
    const again = await t.host.createContext("core", owner);
    expect(again.slotContributions(WIDGETS).map((e) => e.pluginId)).toEqual(["notes"]);
  });
});
