import http from "node:http";
import type { AddressInfo } from "node:net";
import { OpsdeckError } from "@opsdeck/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineDownload, definePlugin } from "../manifest/define-plugin.ts";
import { validatePlugin } from "../manifest/validate-plugin.ts";
import { procedure, router } from "../trpc/procedures.ts";
import { createTestHost, type TestHost, type TestOrg, type TestUser } from "../testing.ts";
import { CORE_PERMISSION_IDS } from "../core-router/core-permissions.ts";

const files = definePlugin({
  id: "files",
  name: "Files",
  version: "1.0.0",
  description: "Streams a numbered list.",
  engines: { opsdeck: ">=0.1.0" },
  permissions: [{ id: "files.lists.export", description: "Export", defaultRoles: ["admin", "ops"] }],
  router: router({ ping: procedure.permission("files.lists.export").query(() => "pong") }),
  downloads: {
    numbers: defineDownload({
      permission: "files.lists.export",
      query: z.object({ count: z.coerce.number().int().min(1).max(100_000), failAt: z.coerce.number().int().optional() }),
      prepare(ctx, query) {
        if (query.count === 13) return Promise.reject(new OpsdeckError("PRECONDITION_FAILED", "Thirteen is unlucky."));
        return Promise.resolve({
          fileName: `numbers of ${ctx.organization.slug}.csv`,
          contentType: "text/csv; charset=utf-8",
          async write(out) {
            out.write("n\n");
            for (let i = 1; i <= query.count; i++) {
              if (i === query.failAt) throw new Error("disk on fire");
              if (!out.write(`${i}\n`)) await new Promise((resolve) => out.once("drain", resolve));
            }
          },
        });
      },
    }),
  },
});

let t: TestHost<[typeof files]>;
let org: TestOrg;
let rep: TestUser;
let baseUrl: string;
let server: http.Server;
const users = new Map<string, TestUser>();

beforeAll(async () => {
  t = await createTestHost({ plugins: [files] });
  org = await t.createOrg("downloads");
  rep = await t.createUser(org, "rep");
  for (const user of [rep, org.owner]) users.set(user.userId, user);
  const handler = t.host.nodeHandler(({ headers }) => {
    const user = users.get(headers.get("x-test-user") ?? "");
    return user ? { ...user } : null;
  });
  server = http.createServer((req, res) => void handler(req, res).then((handled) => handled || res.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.destroy();
});

const get = (path: string, user?: TestUser) => fetch(`${baseUrl}${path}`, { headers: user ? { "x-test-user": user.userId } : {} });

describe("plugin downloads (GET /api/download/<plugin>/<name>)", () => {
  it("streams the file with its name to a member holding the permission", async () => {
    const res = await get("/api/download/files/numbers?count=50000", org.owner);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain('filename="numbers of downloads.csv"');
    const lines = (await res.text()).trimEnd().split("\n");
    expect(lines.length).toBe(50_001);
    expect(lines.at(-1)).toBe("50000");
  });

  it("answers JSON errors before the first byte: bad query, signed out, no permission, domain error, unknown", async () => {
    const bad = await get("/api/download/files/numbers?count=zero", org.owner);
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; issues: { path: unknown[] }[] } };
    expect(body.error.code).toBe("BAD_REQUEST");
    expect(body.error.issues.map((i) => i.path)).toEqual([["count"]]);
    expect((await get("/api/download/files/numbers?count=1")).status).toBe(401);
    expect((await get("/api/download/files/numbers?count=1", rep)).status).toBe(403);
    const unlucky = await get("/api/download/files/numbers?count=13", org.owner);
    expect(unlucky.status).toBe(412);
    expect(await unlucky.json()).toEqual({ error: { code: "PRECONDITION_FAILED", message: "Thirteen is unlucky." } });
    expect((await get("/api/download/files/nothing", org.owner)).status).toBe(404);
    expect((await get("/api/download/nobody/numbers", org.owner)).status).toBe(404);
  });

  it("a disabled plugin's downloads answer PLUGIN_DISABLED", async () => {
    const other = await t.createOrg("downloads-off");
    users.set(other.owner.userId, other.owner);
    await t.setEnabled(other, "files", false);
    const res = await get("/api/download/files/numbers?count=1", other.owner);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("PLUGIN_DISABLED");
  });

  it("a failure while streaming cuts the connection instead of ending a half file normally", async () => {
    const res = await get("/api/download/files/numbers?count=100000&failAt=60000", org.owner);
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  it("a download requiring a permission nobody declares is a manifest problem", () => {
    const bad = { ...files, downloads: { numbers: { ...files.downloads!.numbers!, permission: "files.other.thing" } } };
    expect(validatePlugin(bad, CORE_PERMISSION_IDS).problems).toEqual([
      'download "numbers" requires the permission "files.other.thing", which neither the plugin nor core declares',
    ]);
  });
});
