import { invitations, mailOutbox } from "@opsdeck/core/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import notes from "../../test/fixtures/plugins/notes/src/server.ts";
import { createTestHost, type TestHost, type TestOrg, type TestUser } from "../testing.ts";

let t: TestHost<[typeof notes]>;
let org: TestOrg;
let admin: TestUser;
let rep: TestUser;

beforeAll(async () => {
  t = await createTestHost({ plugins: [notes] });
  org = await t.createOrg("acme");
  admin = await t.createUser(org, "admin");
  rep = await t.createUser(org, "rep");
});

afterAll(async () => {
  await t.destroy();
});

const auditActions = async () => (await t.as(org.owner).core.audit.list({ limit: 500 })).rows.map((r) => r.action);

describe("core.me", () => {
  it("tells who I am, where, with which role and permissions, and my organizations", async () => {
    const other = await t.createOrg("other");
    await t.as(other.owner).core.users.create({ email: rep.email, name: rep.name, role: "manager" });
    const me = await t.as(rep).core.me();
    expect(me.user).toEqual({ userId: rep.userId, email: rep.email, name: rep.name });
    expect(me.organization?.slug).toBe("acme");
    expect(me.role).toBe("rep");
    expect(me.permissions).toContain("notes.notes.read");
    expect(me.permissions).not.toContain("core.users.manage");
    expect(me.organizations.map((o) => [o.slug, o.role])).toEqual([
      ["acme", "rep"],
      ["other", "manager"],
    ]);
  });

  it("refuses a signed-out caller", async () => {
    await expect(t.as(null).core.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("core.users", () => {
  it("creates a member, changes the role, deactivates and reactivates, with audit entries", async () => {
    const created = await t.as(admin).core.users.create({ email: "New.Hire@Acme.test", name: "New Hire", role: "new_hire" });
    expect(created.email).toBe("new.hire@acme.test");
    const promoted = await t.as(admin).core.users.changeRole({ userId: created.userId, role: "rep" });
    expect(promoted.role).toBe("rep");
    const off = await t.as(admin).core.users.deactivate({ userId: created.userId });
    expect(off.deactivatedAt).toBeInstanceOf(Date);
    const listed = await t.as(admin).core.users.list({ includeDeactivated: false });
    expect(listed.map((u) => u.userId)).not.toContain(created.userId);
    await t.as(admin).core.users.reactivate({ userId: created.userId });
    expect(await auditActions()).toEqual(
      expect.arrayContaining(["member.created", "member.role_changed", "member.deactivated", "member.reactivated"]),
    );
  });

  it("a role change applies to the next request", async () => {
    const user = await t.createUser(org, "rep");
    await expect(t.as(user).core.users.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await t.as(admin).core.users.changeRole({ userId: user.userId, role: "manager" });
    await expect(t.as({ ...user, role: "manager" }).core.users.list()).resolves.toBeTruthy();
  });

  it("only an owner gives or takes the owner role; nobody deactivates themselves", async () => {
    await expect(t.as(admin).core.users.changeRole({ userId: rep.userId, role: "owner" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(t.as(admin).core.users.deactivate({ userId: org.owner.userId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(t.as(admin).core.users.deactivate({ userId: admin.userId })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(t.as(rep).core.users.create({ email: "x@acme.test", name: "X", role: "rep" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("answers bad input with BAD_REQUEST, never a 500", async () => {
    await expect(t.as(admin).core.users.get({ userId: "not-a-uuid" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(t.as(admin).core.users.create({ email: "nope", name: "", role: "rep" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("core.invitations", () => {
  it("create → accept makes the invitee a member, once", async () => {
    const { token, link, invitation } = await t.as(admin).core.invitations.create({ email: "ines@example.com", role: "ops" });
    expect(link).toBe(`http://opsdeck.test/accept-invitation?token=${token}`);
    const [stored] = await t.db.db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.tokenHash).not.toContain(token);
    const mails = await t.db.db.select().from(mailOutbox).where(eq(mailOutbox.to, "ines@example.com"));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain(link);

    const accepted = await t.as(null).core.invitations.accept({ token, name: "Inès", password: "correct horse battery" });
    expect(accepted).toMatchObject({ email: "ines@example.com", role: "ops", organization: { slug: "acme" } });
    const ines: TestUser = { userId: accepted.userId, email: accepted.email, name: "Inès", organizationId: org.id, role: "ops" };
    await expect(t.as(ines).core.me()).resolves.toMatchObject({ role: "ops", organization: { slug: "acme" } });
    const members = await t.as(admin).core.users.list({ search: "ines" });
    expect(members.map((m) => m.email)).toEqual(["ines@example.com"]);

    await expect(t.as(null).core.invitations.accept({ token, name: "Again", password: "correct horse battery" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This invitation was already used. Sign in instead.",
    });
    expect(await auditActions()).toEqual(expect.arrayContaining(["invitation.created", "invitation.accepted"]));
  });

  it("refuses revoked, expired and unknown links with clear errors", async () => {
    const revoked = await t.as(admin).core.invitations.create({ email: "rev@example.com", role: "rep" });
    await t.as(admin).core.invitations.revoke({ invitationId: revoked.invitation.id });
    await expect(t.as(null).core.invitations.accept({ token: revoked.token, name: "R", password: "long enough pw" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "This invitation was revoked. Ask for a new one.",
    });

    const expired = await t.as(admin).core.invitations.create({ email: "old@example.com", role: "rep" });
    await t.db.db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, expired.invitation.id));
    await expect(t.as(null).core.invitations.accept({ token: expired.token, name: "O", password: "long enough pw" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "This invitation has expired. Ask for a new one.",
    });
    const listed = await t.as(admin).core.invitations.list({ status: "expired" });
    expect(listed.map((i) => i.email)).toEqual(["old@example.com"]);

    await expect(
      t.as(null).core.invitations.accept({ token: "x".repeat(43), name: "N", password: "long enough pw" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "This invitation link is not valid." });
    expect(await auditActions()).toContain("invitation.revoked");
  });

  it("asks an existing account for its own password", async () => {
    const other = await t.createOrg("elsewhere");
    const { token } = await t.as(other.owner).core.invitations.create({ email: admin.email, role: "rep" });
    // The test kit's users have no password; the first acceptance sets it, as for a new account.
    await t.as(null).core.invitations.accept({ token, name: "A", password: "first password here" });
    const third = await t.createOrg("third");
    const again = await t.as(third.owner).core.invitations.create({ email: admin.email, role: "rep" });
    await expect(
      t.as(null).core.invitations.accept({ token: again.token, name: "A", password: "someone else's guess" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(t.as(null).core.invitations.accept({ token: again.token, name: "A", password: "first password here" })).resolves.toMatchObject({
      organization: { slug: "third" },
    });
  });

  it("refuses to invite an active member, and lets only owners invite owners", async () => {
    await expect(t.as(admin).core.invitations.create({ email: rep.email, role: "rep" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(t.as(admin).core.invitations.create({ email: "boss@example.com", role: "owner" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("core.roles.matrix", () => {
  it("lists core's and each plugin's permissions × roles with defaults, overrides and the owner fixed", async () => {
    await t.as(admin).core.roles.setGrant({ role: "rep", permission: "notes.notes.write", granted: true });
    const matrix = await t.as(admin).core.roles.matrix();
    expect(matrix.roles.map((r) => r.id)).toEqual(["owner", "admin", "ops", "manager", "rep", "new_hire"]);
    expect(matrix.groups.map((g) => g.pluginId)).toEqual(["core", "notes"]);
    const write = matrix.groups[1]?.permissions.find((p) => p.id === "notes.notes.write");
    expect(write?.grants.rep).toEqual({ default: false, override: true, effective: true, fixed: false });
    expect(write?.grants.owner).toEqual({ default: true, override: null, effective: true, fixed: true });
    expect(write?.grants.manager).toEqual({ default: true, override: null, effective: true, fixed: false });
    await t.as(admin).core.roles.clearGrant({ role: "rep", permission: "notes.notes.write" });
    expect(await auditActions()).toEqual(expect.arrayContaining(["role_grant.set", "role_grant.cleared"]));
  });
});

describe("core.organization and core.plugins", () => {
  it("updates the organization's settings and shows them to the next request", async () => {
    await t.as(admin).core.organization.update({ name: "Acme Corp", currency: "EUR" });
    await expect(t.as(rep).core.me()).resolves.toMatchObject({ organization: { name: "Acme Corp", currency: "EUR" } });
    await expect(t.as(admin).core.organization.update({ currency: "euro" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("configures a plugin: valid settings reach its context, invalid ones come back with zod issues", async () => {
    const saved = await t.as(admin).core.plugins.configure({ pluginId: "notes", settings: { maxTitleLength: 10 } });
    expect(saved.settings).toEqual({ maxTitleLength: 10, label: "Notes" });
    await expect(t.as(rep).notes.settings()).resolves.toEqual({ maxTitleLength: 10, label: "Notes" });
    await expect(t.as(admin).notes.create({ title: "Far too long a title" })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const err = await t.as(admin).core.plugins.configure({ pluginId: "notes", settings: { maxTitleLength: 2, label: "" } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "BAD_REQUEST" });
    const issues = (err as { cause: { issues: Array<{ path: unknown[]; message: string }> } }).cause.issues;
    expect(issues.map((i) => i.path)).toEqual([["maxTitleLength"], ["label"]]);
    expect(issues.map((i) => i.message).join("\n")).toMatch(/>=5[\s\S]*>=1/);
    await expect(t.as(rep).notes.settings()).resolves.toEqual({ maxTitleLength: 10, label: "Notes" });
    const listed = await t.as(admin).core.plugins.list();
    expect(listed.find((p) => p.id === "notes")).toMatchObject({ enabled: true, choice: "enabled", settings: { maxTitleLength: 10 } });
    expect(await auditActions()).toContain("plugin.settings_updated");
    await t.as(admin).core.plugins.configure({ pluginId: "notes", settings: { maxTitleLength: 80 } });
  });

  it("refuses unknown plugins", async () => {
    await expect(t.as(admin).core.plugins.enable({ pluginId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(t.as(admin).core.plugins.configure({ pluginId: "nope", settings: {} })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("core.audit, core.jobs, core.records", () => {
  it("pages and filters the audit log", async () => {
    const first = await t.as(admin).core.audit.list({ limit: 2 });
    expect(first.rows).toHaveLength(2);
    expect(first.hasMore).toBe(true);
    const mine = await t.as(admin).core.audit.list({ actorUserId: admin.userId, entityType: "role_grant" });
    expect(mine.rows.length).toBeGreaterThan(0);
    expect(mine.rows.every((r) => r.actorUserId === admin.userId && r.entityType === "role_grant")).toBe(true);
    const future = await t.as(admin).core.audit.list({ from: new Date(Date.now() + 60_000) });
    expect(future.rows).toEqual([]);
    await expect(t.as(rep).core.audit.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lists and cancels jobs a plugin queued, with an audit entry", async () => {
    const job = await t.as(admin).notes.startReindex({ reason: "test" });
    expect(job).toMatchObject({ type: "notes.reindex", status: "queued", input: { reason: "test" } });
    const listed = await t.as(admin).core.jobs.list();
    expect(listed.map((j) => j.id)).toContain(job.id);
    const cancelled = await t.as(admin).core.jobs.cancel({ jobId: job.id });
    expect(cancelled.status).toBe("cancelled");
    await expect(t.as(admin).core.jobs.cancel({ jobId: job.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await auditActions()).toContain("job.cancel_requested");
  });

  it("reads and writes records through core services", async () => {
    const account = await t.as(rep).core.records.create({ entity: "accounts", values: { name: "Initech", employees: 50 } });
    await t.as(rep).core.records.update({ entity: "accounts", id: account.id, values: { employees: 60 } });
    await expect(t.as(rep).core.records.get({ entity: "accounts", id: account.id })).resolves.toMatchObject({ employees: 60 });
    const page = await t.as(rep).core.records.list({ entity: "accounts", search: "initech" });
    expect(page).toMatchObject({ total: 1, rows: [{ id: account.id }] });
    await expect(t.as(rep).core.records.create({ entity: "accounts", values: { name: "" } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const newHire = await t.createUser(org, "new_hire");
    await expect(t.as(newHire).core.records.list({ entity: "accounts" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("converts a lead for a rep, refuses it to a role without record writes, and audits it", async () => {
    const lead = await t.as(rep).core.records.create({ entity: "leads", values: { firstName: "Lin", lastName: "Lead", company: "Lead Corp" } });
    const newHire = await t.createUser(org, "new_hire");
    await expect(t.as(newHire).core.records.convertLead({ leadId: lead.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(t.as(rep).core.records.convertLead({ leadId: lead.id, account: { mode: "new", name: "" } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const converted = await t.as(rep).core.records.convertLead({ leadId: lead.id });
    expect(converted).toMatchObject({ leadId: lead.id, opportunityId: null, warnings: [] });
    await expect(t.as(rep).core.records.get({ entity: "contacts", id: converted.contactId })).resolves.toMatchObject({ lastName: "Lead" });
    expect(await auditActions()).toContain("leads.converted");
  });
});
