import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { testBackend } from "@opsdeck/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { opsdeck, startServerProcess, stopServerProcess } from "./spawn.ts";

// The embedded database admits one process; this is about how the CLI shares it with a running server.
describe.runIf(testBackend() === "pglite")("the CLI next to a running portal on the embedded database", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "opsdeck-srv-"));
  const env = { OPSDECK_DATA_DIR: path.join(dir, "data"), LOG_LEVEL: "warn", DATABASE_URL: "" };
  let server: Awaited<ReturnType<typeof startServerProcess>>;

  beforeAll(async () => {
    server = await startServerProcess([], env);
  });
  afterAll(async () => {
    if (server) expect(await stopServerProcess(server.child)).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("serves its health with the database backend and version", async () => {
    const res = await fetch(`${server.url}/api/health`);
    const body = (await res.json()) as { status: string; db: { backend: string; version: string } };
    expect(res.status).toBe(200);
    expect(body.status).toBe("ok");
    expect(body.db.backend).toBe("pglite");
    expect(body.db.version).toMatch(/PostgreSQL 1\d/);
  });

  it("runs CLI commands through the server instead of opening the locked folder", async () => {
    const created = await opsdeck(["orgs", "create", "--slug", "acme", "--name", "Acme", "--json"], env);
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout).organization.slug).toBe("acme");
    const listed = await opsdeck(["orgs", "list", "--json"], env);
    expect(JSON.parse(listed.stdout).organizations.map((o: { slug: string }) => o.slug)).toEqual(["acme"]);
    const bad = await opsdeck(["users", "create", "--email", "x", "--role", "rep"], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/email/);
  });

  it("refuses a second server on the same folder with a clear message", async () => {
    const second = await opsdeck(["start", "--port", "0"], env);
    expect(second.code).not.toBe(0);
    expect(second.stderr).toMatch(/in use by another Opsdeck process/);
  });
});
