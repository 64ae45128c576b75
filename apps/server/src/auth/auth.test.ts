import { queryRows } from "@opsdeck/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMember, createOrganization, deactivateMember, systemContext } from "@opsdeck/core";
import { mailOutbox } from "@opsdeck/core/schema";
import { startTestApp } from "../../test/app-harness.ts";
import { purgeExpiredSessions } from "./sessions.ts";

let h: Awaited<ReturnType<typeof startTestApp>>;
let orgA: { id: string };
let orgB: { id: string };
const PASSWORD = "correct-horse-battery";

beforeAll(async () => {
  h = await startTestApp({ sessionPolicy: { idleMs: 60 * 60_000, maxAgeMs: 24 * 3_600_000 } });
  orgA = await createOrganization(h.test.db, { slug: "alpha", name: "Alpha" });
  orgB = await createOrganization(h.test.db, { slug: "beta", name: "Beta" });
  const a = systemContext(h.test.db, orgA.id);
  await createMember(a, { email: "ann@alpha.test", name: "Ann", role: "owner", password: PASSWORD });
  await createMember(a, { email: "rob@alpha.test", name: "Rob", role: "rep", password: PASSWORD });
  await createMember(systemContext(h.test.db, orgB.id), { email: "ann@alpha.test", name: "Ann", role: "manager" });
});
afterAll(async () => {
  await h.stop();
});

describe("sign-in and sessions", () => {
  it("signs in with email and password and sets an HttpOnly, SameSite session cookie", async () => {
    const browser = h.browser();
    const res = await browser("/api/auth/sign-in", { body: { email: "Ann@Alpha.test", password: PASSWORD } });
    expect(res.status).toBe(200);
    expect(res.setCookie).toMatch(/^opsdeck_session=/);
    expect(res.setCookie).toMatch(/HttpOnly/);
    expect(res.setCookie).toMatch(/SameSite=Lax/);
    expect(res.body.organizations.map((o: { slug: string }) => o.slug).sort()).toEqual(["alpha", "beta"]);
    const session = await browser("/api/auth/session");
    expect(session.body.session.user.email).toBe("ann@alpha.test");
  });

  it("refuses a wrong password without saying which part was wrong", async () => {
    const wrong = await h.browser()("/api/auth/sign-in", { body: { email: "ann@alpha.test", password: "nope-nope-nope" } });
    const unknown = await h.browser()("/api/auth/sign-in", { body: { email: "who@alpha.test", password: "nope-nope-nope" } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it("answers bad input with 400 and a readable message", async () => {
    const res = await h.browser()("/api/auth/sign-in", { body: { email: "not an email" } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/email/);
  });

  it("stores only a hash of the session token", async () => {
    const browser = h.browser();
    const res = await browser("/api/auth/sign-in", { body: { email: "rob@alpha.test", password: PASSWORD } });
    const token = decodeURIComponent(res.setCookie!.split(";")[0]!.split("=")[1]!);
    const rows: unknown = await h.test.db.execute(sql`select token from core.sessions`);
    const tokens = (Array.isArray(rows) ? rows : (rows as { rows: { token: string }[] }).rows).map((r: { token: string }) => r.token);
    expect(tokens).not.toContain(token);
  });

  it("switches organization only to one the user belongs to", async () => {
    const browser = h.browser();
    await browser("/api/auth/sign-in", { body: { email: "ann@alpha.test", password: PASSWORD } });
    expect((await browser("/api/auth/switch-organization", { body: { organizationId: orgB.id } })).status).toBe(200);
    expect((await browser("/api/auth/session")).body.session.organizationId).toBe(orgB.id);
    const rob = h.browser();
    await rob("/api/auth/sign-in", { body: { email: "rob@alpha.test", password: PASSWORD } });
    expect((await rob("/api/auth/switch-organization", { body: { organizationId: orgB.id } })).status).toBe(403);
  });

  it("signs out everywhere", async () => {
    const laptop = h.browser();
    const phone = h.browser();
    await laptop("/api/auth/sign-in", { body: { email: "rob@alpha.test", password: PASSWORD } });
    await phone("/api/auth/sign-in", { body: { email: "rob@alpha.test", password: PASSWORD } });
    expect((await laptop("/api/auth/sign-out-everywhere", { body: {} })).status).toBe(200);
    expect((await phone("/api/auth/session")).body.session).toBeNull();
  });

  it("ends the sessions of a deactivated member", async () => {
    const ctx = systemContext(h.test.db, orgA.id);
    await createMember(ctx, { email: "gone@alpha.test", name: "Gone", role: "rep", password: PASSWORD });
    const browser = h.browser();
    await browser("/api/auth/sign-in", { body: { email: "gone@alpha.test", password: PASSWORD } });
    const { body } = await browser("/api/auth/session");
    await deactivateMember(ctx, body.session.user.id as string);
    expect((await browser("/api/auth/session")).body.session).toBeNull();
    expect((await h.browser()("/api/auth/sign-in", { body: { email: "gone@alpha.test", password: PASSWORD } })).status).toBe(401);
  });

  it("refuses a cross-origin sign-in post", async () => {
    const res = await h.browser()("/api/auth/sign-in", {
      body: { email: "ann@alpha.test", password: PASSWORD },
      headers: { origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
  });

  it("resets a password through a one-time link sent via the mail outbox", async () => {
    const res = await h.browser()("/api/auth/password-reset/request", { body: { email: "rob@alpha.test" } });
    expect(res.status).toBe(200);
    const [mail] = await h.test.db.select().from(mailOutbox).where(sql`${mailOutbox.to} = 'rob@alpha.test'`);
    const token = /token=([\w-]+)/.exec(mail!.text)![1]!;
    const confirm = await h.browser()("/api/auth/password-reset/confirm", { body: { token, password: "a-brand-new-password" } });
    expect(confirm.status).toBe(200);
    const again = await h.browser()("/api/auth/password-reset/confirm", { body: { token, password: "another-new-password" } });
    expect(again.status).toBe(400);
    expect((await h.browser()("/api/auth/sign-in", { body: { email: "rob@alpha.test", password: "a-brand-new-password" } })).status).toBe(200);
    // Unknown emails get the same answer.
    expect((await h.browser()("/api/auth/password-reset/request", { body: { email: "nobody@alpha.test" } })).status).toBe(200);
  });
});

describe("session lifetimes", () => {
  it("ends a session after the idle timeout and after the absolute lifetime", async () => {
    const short = await startTestApp({ sessionPolicy: { idleMs: 1500, maxAgeMs: 3_000 } });
    try {
      const org = await createOrganization(short.test.db, { slug: "gamma", name: "Gamma" });
      await createMember(systemContext(short.test.db, org.id), { email: "g@gamma.test", name: "G", role: "owner", password: PASSWORD });
      const idle = short.browser();
      await idle("/api/auth/sign-in", { body: { email: "g@gamma.test", password: PASSWORD } });
      expect((await idle("/api/auth/session")).body.session).not.toBeNull();
      // Move time rather than wait: age the session's deadlines in the database.
      await short.test.db.execute(sql`update core.sessions set expires_at = now() - interval '1 second'`);
      expect((await idle("/api/auth/session")).body.session).toBeNull();

      const busy = short.browser();
      await busy("/api/auth/sign-in", { body: { email: "g@gamma.test", password: PASSWORD } });
      await short.test.db.execute(sql`update core.sessions set created_at = now() - interval '1 hour', expires_at = now() + interval '1 hour'`);
      expect((await busy("/api/auth/session")).body.session).toBeNull();
    } finally {
      await short.stop();
    }
  });

  it("purges the sessions past their idle deadline or absolute lifetime and keeps the live ones", async () => {
    const policy = { idleMs: 60 * 60_000, maxAgeMs: 24 * 3_600_000 };
    await createMember(systemContext(h.test.db, orgA.id), { email: "pat@alpha.test", name: "Pat", role: "rep", password: PASSWORD });
    const signIn = async () => {
      const b = h.browser();
      await b("/api/auth/sign-in", { body: { email: "pat@alpha.test", password: PASSWORD } });
      return b;
    };
    const live = await signIn();
    await signIn();
    await signIn();
    const count = async () =>
      (await queryRows<{ n: number }>(h.test.db, sql`select count(*)::int as n from core.sessions s join core.users u on u.id = s.user_id where u.email = 'pat@alpha.test'`))[0]!.n;
    const before = await count();
    expect(before).toBe(3);
    // Age the two newest: one past its idle deadline, one past the absolute lifetime.
    await h.test.db.execute(sql`update core.sessions set expires_at = now() - interval '1 second'
      where id = (select s.id from core.sessions s join core.users u on u.id = s.user_id where u.email = 'pat@alpha.test' order by s.created_at desc limit 1)`);
    await h.test.db.execute(sql`update core.sessions set created_at = now() - interval '2 days'
      where id = (select s.id from core.sessions s join core.users u on u.id = s.user_id where u.email = 'pat@alpha.test' and s.expires_at > now() order by s.created_at desc limit 1)`);
    await purgeExpiredSessions(h.test.db, policy);
    expect(await count()).toBe(before - 2);
    expect((await live("/api/auth/session")).body.session).not.toBeNull();
  });
});
