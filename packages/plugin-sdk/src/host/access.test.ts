import { afterAll, beforeAll, describe, expect, it } from "vitest";
import notes from "../../test/fixtures/plugins/notes/src/server.ts";
import needsNotes from "../../test/fixtures/plugins/needs-notes/server.ts";
import { definePlugin } from "../manifest/define-plugin.ts";
import { createTestHost, type TestHost, type TestOrg, type TestUser } from "../testing.ts";
import { procedure, router } from "../trpc/procedures.ts";

// Off unless an organization turns it on.
const beta = definePlugin({
  id: "beta",
  name: "Beta",
  version: "0.1.0",
  description: "",
  engines: { opsdeck: "*" },
  defaultEnabled: false,
  permissions: [{ id: "beta.things.read", description: "Read", defaultRoles: ["rep"] }],
  router: router({ ping: procedure.permission("beta.things.read").query(() => "pong") }),
});

let t: TestHost<[typeof notes, typeof needsNotes, typeof beta]>;
let a: TestOrg;
let b: TestOrg;
let repA: TestUser;
let managerA: TestUser;
let adminA: TestUser;

beforeAll(async () => {
  t = await createTestHost({ plugins: [notes, needsNotes, beta] });
  a = await t.createOrg("org-a");
  b = await t.createOrg("org-b");
  repA = await t.createUser(a, "rep");
  managerA = await t.createUser(a, "manager");
  adminA = await t.createUser(a, "admin");
});

afterAll(async () => {
  await t.destroy();
});

describe("permissions", () => {
  it("lets a manager write and refuses a rep lacking the permission", async () => {
    const note = await t.as(managerA).notes.create({ title: "Q3 plan" });
    expect(note.title).toBe("Q3 plan");
    await expect(t.as(repA).notes.create({ title: "Mine" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: 'You do not have the permission "notes.notes.write".',
    });
    await expect(t.as(repA).notes.list()).resolves.toHaveLength(1);
  });

  it("says UNAUTHORIZED to a signed-out caller, and serves public procedures", async () => {
    await expect(t.as(null).notes.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(t.as(null).notes.ping()).resolves.toEqual({ pong: true, pluginId: "notes", signedIn: false });
    await expect(t.as(null).notes.whoami()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(t.as(repA).notes.whoami()).resolves.toEqual({ email: repA.email, organization: "org-a" });
  });

  it("applies an admin's override of a grant at once, both ways", async () => {
    await t.as(adminA).core.roles.setGrant({ role: "rep", permission: "notes.notes.write", granted: true });
    await expect(t.as(repA).notes.create({ title: "Now I may" })).resolves.toMatchObject({ title: "Now I may" });
    expect(await t.host.permissionsFor(a.id, "rep")).toContain("notes.notes.write");

    await t.as(adminA).core.roles.setGrant({ role: "manager", permission: "notes.notes.write", granted: false });
    await expect(t.as(managerA).notes.create({ title: "No longer" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    await t.as(adminA).core.roles.clearGrant({ role: "rep", permission: "notes.notes.write" });
    await t.as(adminA).core.roles.clearGrant({ role: "manager", permission: "notes.notes.write" });
    await expect(t.as(repA).notes.create({ title: "Default again" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(t.as(managerA).notes.create({ title: "Default again" })).resolves.toBeTruthy();
  });

  it("keeps overrides per organization", async () => {
    await t.as(a.owner).core.roles.setGrant({ role: "rep", permission: "notes.notes.write", granted: true });
    const repB = await t.createUser(b, "rep");
    await expect(t.as(repB).notes.create({ title: "B" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await t.as(a.owner).core.roles.clearGrant({ role: "rep", permission: "notes.notes.write" });
  });

  it("never changes the owner's grants", async () => {
    await expect(
      t.as(a.owner).core.roles.setGrant({ role: "owner", permission: "notes.notes.write", granted: false }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await t.host.permissionsFor(a.id, "owner")).toEqual(
      new Set([...(await t.host.permissionsFor(a.id, "admin")), ...(await t.host.permissionsFor(a.id, "owner"))]),
    );
    expect(await t.host.permissionsFor(a.id, "owner")).toContain("core.roles.manage");
  });

  it("refuses an override of a permission nobody declares", async () => {
    await expect(
      t.as(a.owner).core.roles.setGrant({ role: "rep", permission: "billing.invoices.pay", granted: true }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("organizations are isolated", () => {
  let noteOfB: string;
  beforeAll(async () => {
    noteOfB = (await t.as(b.owner).notes.create({ title: "Secret of B" })).id;
  });

  it("through the plugin: by id and by list", async () => {
    await expect(t.as(a.owner).notes.get({ id: noteOfB })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(t.as(a.owner).notes.remove({ id: noteOfB })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const listed = await t.as(a.owner).notes.list();
    expect(listed.map((n) => n.title)).not.toContain("Secret of B");
    await expect(t.as(b.owner).notes.get({ id: noteOfB })).resolves.toMatchObject({ title: "Secret of B" });
  });

  it("through the core router: users, records, jobs, audit", async () => {
    const account = await t.as(b.owner).core.records.create({ entity: "accounts", values: { name: "Globex" } });
    await expect(t.as(a.owner).core.records.get({ entity: "accounts", id: account.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const list = await t.as(a.owner).core.records.list({ entity: "accounts" });
    expect(list.rows.map((r) => r.id)).not.toContain(account.id);
    await expect(t.as(a.owner).core.users.get({ userId: b.owner.userId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const users = await t.as(a.owner).core.users.list();
    expect(users.map((u) => u.userId)).not.toContain(b.owner.userId);
    const job = await t.as(b.owner).notes.startReindex({ reason: "b" });
    await expect(t.as(a.owner).core.jobs.get({ jobId: job.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(t.as(a.owner).core.jobs.cancel({ jobId: job.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const audit = await t.as(a.owner).core.audit.list({ entityId: account.id });
    expect(audit.rows).toEqual([]);
  });

  it("a user of A asking for B's organization gets no organization at all", async () => {
    const ctx = await t.host.createContext("notes", { ...repA, organizationId: b.id });
    expect(ctx.organization).toBeNull();
    expect(ctx.permissions.size).toBe(0);
  });
});

describe("enablement per organization", () => {
  it("answers every call of a disabled plugin with PLUGIN_DISABLED, and re-enabling restores the data", async () => {
    await t.as(a.owner).notes.create({ title: "Kept while off" });
    const before = await t.as(a.owner).notes.list();
    await expect(t.setEnabled(a, "notes", false)).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await t.setEnabled(a, "needs-notes", false);
    await t.as(a.owner).core.plugins.disable({ pluginId: "notes" });

    for (const call of [() => t.as(a.owner).notes.list(), () => t.as(repA).notes.create({ title: "x" }), () => t.as(repA).notes.ping()]) {
      const err = await call().then(
        () => undefined,
        (e: unknown) => e as { code: string; cause?: { code?: string } },
      );
      expect(err?.code).toBe("NOT_FOUND");
      expect(err?.cause?.code).toBe("PLUGIN_DISABLED");
    }
    // The other organization is not affected.
    await expect(t.as(b.owner).notes.list()).resolves.toHaveLength(1);
    expect(await t.host.permissionsFor(a.id, "rep")).not.toContain("notes.notes.read");

    await t.as(a.owner).core.plugins.enable({ pluginId: "notes" });
    await expect(t.as(a.owner).notes.list()).resolves.toEqual(before);
    await t.setEnabled(a, "needs-notes", true);
  });

  it("keeps a plugin with defaultEnabled: false off until the organization turns it on", async () => {
    await expect(t.as(repA).beta.ping()).rejects.toMatchObject({ code: "NOT_FOUND", cause: { code: "PLUGIN_DISABLED" } });
    expect(await t.host.permissionsFor(a.id, "rep")).not.toContain("beta.things.read");
    await t.as(a.owner).core.plugins.enable({ pluginId: "beta" });
    await expect(t.as(repA).beta.ping()).resolves.toBe("pong");
    await expect(t.as(b.owner).beta.ping()).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses to enable a plugin whose requirement is off", async () => {
    await t.setEnabled(b, "needs-notes", false);
    await t.setEnabled(b, "notes", false);
    await expect(t.setEnabled(b, "needs-notes", true)).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await t.setEnabled(b, "notes", true);
    await t.setEnabled(b, "needs-notes", true);
  });

  it("tells the shell what is installed, what is on and what the user holds", async () => {
    await t.setEnabled(a, "needs-notes", false);
    const payload = await t.host.pluginsFor({ ...repA });
    expect(payload.organization?.slug).toBe("org-a");
    expect(payload.role).toBe("rep");
    const byId = Object.fromEntries(payload.plugins.map((p) => [p.id, p]));
    expect(byId.notes).toMatchObject({ enabled: true, health: "healthy", version: "1.2.0", permissions: ["notes.notes.read"] });
    expect(byId.notes?.slots["reporting.dashboard.widget"]).toEqual([{ id: "notes-count", title: "Notes", size: "small" }]);
    expect(byId["needs-notes"]).toMatchObject({ enabled: false, permissions: [] });
    expect(payload.permissions).toContain("core.records.read");
    expect(payload.permissions).not.toContain("core.users.manage");
    const signedOut = await t.host.pluginsFor(null);
    expect(signedOut.user).toBeNull();
    expect(signedOut.plugins.every((p) => p.enabled === null && p.permissions.length === 0)).toBe(true);
    await t.setEnabled(a, "needs-notes", true);
  });
});
