import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMember, createOrganization, systemContext } from "@opsdeck/core";
import { startTestApp } from "./app-harness.ts";

let h: Awaited<ReturnType<typeof startTestApp>>;
const PASSWORD = "correct-horse-battery";
let repId: string;

const trpcData = (body: Record<string, any>) => body.result?.data?.json;

beforeAll(async () => {
  h = await startTestApp();
  const org = await createOrganization(h.test.db, { slug: "acme", name: "Acme" });
  const ctx = systemContext(h.test.db, org.id);
  await createMember(ctx, { email: "owner@acme.test", name: "Olga Owner", role: "owner", password: PASSWORD });
  repId = (await createMember(ctx, { email: "rep@acme.test", name: "Rick Rep", role: "rep", password: PASSWORD })).userId;
  await createMember(ctx, { email: "ops@acme.test", name: "Oscar Ops", role: "ops", password: PASSWORD });
});
afterAll(async () => {
  await h.stop();
});

async function signedIn(email: string) {
  const browser = h.browser();
  expect((await browser("/api/auth/sign-in", { body: { email, password: PASSWORD } })).status).toBe(200);
  return browser;
}

describe("the HTTP API", () => {
  it("answers core.me for a signed-in user and UNAUTHORIZED otherwise", async () => {
    const owner = await signedIn("owner@acme.test");
    const me = await owner("/api/trpc/core/me");
    expect(me.status).toBe(200);
    expect(trpcData(me.body).user.email).toBe("owner@acme.test");
    expect(trpcData(me.body).permissions).toContain("core.users.manage");
    const anonymous = await h.browser()("/api/trpc/core/me");
    expect(anonymous.status).toBe(401);
    expect(JSON.stringify(anonymous.body)).not.toMatch(/\.ts:\d+/);
  });

  it("lists the installed plugins with health, enablement and the user's permissions", async () => {
    const owner = await signedIn("owner@acme.test");
    const res = await owner("/api/plugins");
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body.plugins)).toBe(true);
    expect(JSON.stringify(res.body)).toMatch(/core\.users\.manage/);
  });

  it("refuses a rep a core admin procedure and the members export with FORBIDDEN", async () => {
    const rep = await signedIn("rep@acme.test");
    expect((await fetch(`${h.app.url}/api/export/users.csv`, { headers: { cookie: await cookieOf("rep@acme.test") } })).status).toBe(403);
    const res = await rep("/api/trpc/core/users.deactivate", { body: { json: { userId: repId } } });
    expect(res.status).toBe(403);
  });

  it("ends API access of a member deactivated through the core router", async () => {
    const rep = await signedIn("rep@acme.test");
    expect((await rep("/api/trpc/core/me")).status).toBe(200);
    const owner = await signedIn("owner@acme.test");
    const res = await owner("/api/trpc/core/users.deactivate", { body: { json: { userId: repId } } });
    expect(res.status).toBe(200);
    // The API trusts a session lookup for two seconds at most.
    await new Promise((r) => setTimeout(r, 2100));
    expect((await rep("/api/trpc/core/me")).status).toBe(401);
  });

  it("imports a CSV through the wizard: upload, preview with row errors, then a job", async () => {
    const ops = await signedIn("ops@acme.test");
    const csv = "Account Name,Website,Record ID\nGlobex,globex.com,A-1\nInitech,initech.com,A-2\n";
    const raw = await rawUpload("ops@acme.test", "accounts", csv);
    expect(raw.preview.wouldCreate).toBe(2);
    expect(raw.fields.map((f: { name: string }) => f.name)).toContain("annual_revenue");
    expect(raw.preview.columns.map((c: { field: string }) => c.field)).toEqual(expect.arrayContaining(["name", "domain", "external_id"]));

    const bad = await rawUpload("ops@acme.test", "contacts", "external_id,email\nC-1,not-an-email\n");
    expect(bad.preview.errors[0]).toMatchObject({ row: 1, column: "email" });

    const start = await ops("/api/imports/start", { body: { uploadId: raw.uploadId, entity: "accounts" } });
    expect(start.status).toBe(202);
    const jobId = start.body.job.id as string;
    let status = "";
    for (let i = 0; i < 100 && !["succeeded", "failed"].includes(status); i++) {
      await new Promise((r) => setTimeout(r, 100));
      const job = await ops(`/api/trpc/core/jobs.get?input=${encodeURIComponent(JSON.stringify({ json: { jobId } }))}`);
      status = trpcData(job.body)?.status ?? "";
    }
    expect(status).toBe("succeeded");

    const rows = await fetch(`${h.app.url}/api/export/accounts.csv`, { headers: { cookie: await cookieOf("ops@acme.test") } });
    const text = await rows.text();
    expect(text).toMatch(/^external_id,name,domain/);
    expect(text).toMatch(/A-1,Globex,globex\.com/);
    expect((await fetch(`${h.app.url}/api/export/accounts.csv`)).status).toBe(401);
    const repCookie = await cookieOf("owner@acme.test");
    expect((await fetch(`${h.app.url}/api/export/unicorns.csv`, { headers: { cookie: repCookie } })).status).toBe(404);

    const rep = await signedIn("owner@acme.test");
    expect((await rep("/api/imports/preview", { body: { uploadId: "not-an-id", entity: "accounts" } })).status).toBe(400);
  });
});

async function cookieOf(email: string) {
  const signIn = await fetch(`${h.app.url}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  return signIn.headers.get("set-cookie")!.split(";")[0]!;
}

async function rawUpload(email: string, entity: string, csv: string) {
  const cookie = await cookieOf(email);
  const res = await fetch(`${h.app.url}/api/imports/upload?entity=${entity}`, { method: "POST", headers: { cookie, "content-type": "text/csv" }, body: csv });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, any>;
}
