import http from "node:http";
import type { AddressInfo } from "node:net";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import notes from "../../test/fixtures/plugins/notes/src/server.ts";
import type { NotesRouter } from "../../test/fixtures/plugins/notes/src/router.ts";
import { createPluginClient } from "../client.ts";
import type { CoreRouter } from "../core-router/core-router.ts";
import type { Logger } from "../logger.ts";
import type { OpsdeckErrorShape } from "../trpc/errors.ts";
import { createTestHost, type TestHost, type TestOrg, type TestUser } from "../testing.ts";

const logged: Array<{ obj: unknown; msg: string | undefined }> = [];
const capture: Logger = {
  debug() {},
  info() {},
  warn() {},
  error(obj, msg) {
    logged.push({ obj, msg });
  },
};

let t: TestHost<[typeof notes]>;
let org: TestOrg;
let rep: TestUser;

beforeAll(async () => {
  t = await createTestHost({ plugins: [notes], logger: capture });
  org = await t.createOrg("http-org");
  rep = await t.createUser(org, "rep");
});

afterAll(async () => {
  await t.destroy();
});

async function failure(promise: Promise<unknown>): Promise<TRPCClientError<{ errorShape: OpsdeckErrorShape; transformer: true }>> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof TRPCClientError)) throw new Error(`expected a TRPCClientError, got ${String(err)}`);
  return err as TRPCClientError<{ errorShape: OpsdeckErrorShape; transformer: true }>;
}

describe("errors as a client sees them", () => {
  it("BAD_REQUEST carries the zod issues of the input", async () => {
    const err = await failure(t.client<NotesRouter>(org.owner, "notes").create.mutate({ title: "" }));
    expect(err.data).toMatchObject({ code: "BAD_REQUEST", httpStatus: 400 });
    expect(err.data?.issues?.map((i) => i.path)).toEqual([["title"]]);
    expect(err.data?.issues?.[0]?.message).toMatch(/>=1 characters/);
    expect(err.message).toMatch(/^Invalid input: title: /);
  });

  it("domain errors keep their issues, and a plugin's settings errors come back field by field", async () => {
    const err = await failure(
      t.client<CoreRouter>(org.owner, "core").plugins.configure.mutate({ pluginId: "notes", settings: { maxTitleLength: 1000 } }),
    );
    expect(err.data).toMatchObject({ code: "BAD_REQUEST", opsdeckCode: "BAD_REQUEST" });
    expect(err.data?.issues?.map((i) => i.path)).toEqual([["maxTitleLength"]]);
    expect(err.data?.issues?.[0]?.message).toMatch(/<=200/);
  });

  it("an unexpected error is a generic INTERNAL_SERVER_ERROR without stack, logged with the request id", async () => {
    logged.length = 0;
    const response = await t.host.handle("notes", new Request("http://x/api/trpc/notes/crash", { headers: { "x-request-id": "req-42" } }), () => ({
      ...org.owner,
    }));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/hunter2|10\.0\.0\.7|\.ts:\d+|stack/);
    const body = JSON.parse(text) as { error: { json: OpsdeckErrorShape } };
    expect(body.error.json.message).toBe("Something went wrong. The error was logged with reference req-42.");
    expect(body.error.json.data).toEqual({ code: "INTERNAL_SERVER_ERROR", httpStatus: 500, path: "crash", requestId: "req-42" });
    expect(logged).toHaveLength(1);
    expect(logged[0]?.obj).toMatchObject({ requestId: "req-42", path: "crash", plugin: "notes" });
    expect(String((logged[0]?.obj as { err: Error }).err.message)).toMatch(/hunter2/);
  });

  it("a disabled plugin answers NOT_FOUND with opsdeckCode PLUGIN_DISABLED", async () => {
    await t.setEnabled(org, "notes", false);
    try {
      const err = await failure(t.client<NotesRouter>(rep, "notes").list.query());
      expect(err.data).toMatchObject({ code: "NOT_FOUND", httpStatus: 404, opsdeckCode: "PLUGIN_DISABLED" });
      expect(err.message).toBe('The plugin "notes" is disabled for this organization.');
    } finally {
      await t.setEnabled(org, "notes", true);
    }
  });

  it("FORBIDDEN and UNAUTHORIZED have their HTTP statuses", async () => {
    expect((await failure(t.client<NotesRouter>(rep, "notes").create.mutate({ title: "x" }))).data?.httpStatus).toBe(403);
    expect((await failure(t.client<NotesRouter>(null, "notes").list.query())).data?.httpStatus).toBe(401);
  });

  it("dates survive the trip (superjson)", async () => {
    const note = await t.client<NotesRouter>(org.owner, "notes").create.mutate({ title: "Dated" });
    expect(note.createdAt).toBeInstanceOf(Date);
  });
});

describe("mounted on node:http", () => {
  let server: http.Server;
  let baseUrl: string;
  beforeAll(async () => {
    const users = new Map([[rep.userId, rep], [org.owner.userId, org.owner]]);
    const handler = t.host.nodeHandler(({ headers }) => {
      const user = users.get(headers.get("x-test-user") ?? "");
      return user ? { ...user } : null;
    });
    server = http.createServer((req, res) => {
      void handler(req, res).then((handled) => {
        if (!handled) res.writeHead(404).end("not ours");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("answers a single GET query by its direct path exactly as tRPC's general handler does", async () => {
    const headers = { "x-test-user": org.owner.userId };
    const general = await t.host.handle("core", new Request("http://x/api/trpc/core/me", { headers }), () => ({ ...org.owner }));
    const direct = await fetch(`${baseUrl}/api/trpc/core/me`, { headers });
    expect(direct.status).toBe(200);
    expect(await direct.json()).toEqual(await general.json());
    const batch = await fetch(`${baseUrl}/api/trpc/core/me?batch=1&input=${encodeURIComponent("{}")}`, { headers });
    expect(await batch.json()).toEqual([await (await t.host.handle("core", new Request("http://x/api/trpc/core/me", { headers }), () => ({ ...org.owner }))).json()]);
    // Errors take the general path and keep tRPC's shapes.
    const anonymous = await fetch(`${baseUrl}/api/trpc/core/me`);
    expect(anonymous.status).toBe(401);
    const bad = await fetch(`${baseUrl}/api/trpc/core/jobs.get?input=${encodeURIComponent(JSON.stringify({ json: { jobId: 42 } }))}`, { headers });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/jobId/);
  });

  it("serves a typed client, batching calls to one endpoint", async () => {
    let requests = 0;
    const client = createPluginClient<NotesRouter>("notes", {
      baseUrl,
      headers: { "x-test-user": org.owner.userId },
      fetch: (input, init) => {
        requests += 1;
        return fetch(input, init);
      },
    });
    const [ping, settings] = await Promise.all([client.ping.query(), client.settings.query()]);
    expect(ping).toEqual({ pong: true, pluginId: "notes", signedIn: true });
    expect(settings).toMatchObject({ maxTitleLength: 80 });
    expect(requests).toBe(1);
  });

  it("takes batched mutations as one JSON POST", async () => {
    let requests = 0;
    const client = createPluginClient<NotesRouter>("notes", {
      baseUrl,
      headers: { "x-test-user": org.owner.userId },
      fetch: (input, init) => {
        requests += 1;
        return fetch(input, init);
      },
    });
    const [first, second] = await Promise.all([client.create.mutate({ title: "One" }), client.create.mutate({ title: "Two" })]);
    expect([first.title, second.title]).toEqual(["One", "Two"]);
    expect(first.createdAt).toBeInstanceOf(Date);
    expect(requests).toBe(1);
    const refused = await failure(client.create.mutate({ title: "" }));
    expect(refused.data?.httpStatus).toBe(400);
  });

  it("answers GET /api/plugins and leaves other paths to the next route", async () => {
    const payload = (await (await fetch(`${baseUrl}/api/plugins`, { headers: { "x-test-user": rep.userId } })).json()) as {
      role: string;
      plugins: Array<{ id: string; enabled: boolean }>;
    };
    expect(payload.role).toBe("rep");
    expect(payload.plugins).toEqual([expect.objectContaining({ id: "notes", enabled: true })]);
    expect(await (await fetch(`${baseUrl}/elsewhere`)).text()).toBe("not ours");
  });

  it("refuses a mutation from a page of another origin", async () => {
    const post = (origin: string) =>
      fetch(`${baseUrl}/api/trpc/notes/create`, {
        method: "POST",
        headers: { "content-type": "application/json", origin, "x-test-user": org.owner.userId },
        body: JSON.stringify({ json: { title: "CSRF" } }),
      });
    expect((await post("https://evil.example")).status).toBe(403);
    expect((await post(baseUrl)).status).toBe(200);
  });
});
