import type { IncomingMessage, ServerResponse } from "node:http";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { PluginContext } from "../context/types.ts";
import type { Logger } from "../logger.ts";
import { OpsdeckError } from "@opsdeck/core";
import { middleware, procedure, router } from "../trpc/procedures.ts";
import { isPlainJson, tryFastQuery } from "./fast-query.ts";
import { serveTrpc } from "./http.ts";

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

const stamp = middleware(({ next }) => next({ ctx: { stampedBy: "middleware" } }));
const testRouter = router({
  hello: procedure.authenticated().query(({ ctx }) => ({ hello: ctx.session.name, permissions: [...ctx.permissions] })),
  echo: procedure
    .permission("t.read")
    .input(z.object({ text: z.string().min(1), times: z.number().int().default(1) }))
    .query(({ input }) => ({ text: input.text.repeat(input.times) })),
  stamped: procedure
    .permission("t.read")
    .use(stamp)
    .input(z.object({ n: z.number() }))
    .use(({ next, input }) => next({ input: { n: input.n * 2 } }))
    .query(({ ctx, input }) => ({ by: (ctx as unknown as { stampedBy: string }).stampedBy, n: input.n })),
  dated: procedure.permission("t.read").query(() => ({ at: new Date("2026-01-02T03:04:05Z"), big: 12n, none: undefined })),
  secret: procedure.permission("t.admin").query(() => "never"),
  missing: procedure.permission("t.read").query((): never => {
    throw new OpsdeckError("NOT_FOUND", "Nothing here.");
  }),
  write: procedure.permission("t.read").mutation(() => "written"),
});

function contextFor(signedIn: boolean): PluginContext {
  return {
    requestId: "req-1",
    logger: quiet,
    session: signedIn ? { userId: "u1", email: "ada@example.test", name: "Ada" } : null,
    organization: { id: "o1", slug: "o", name: "O", currency: "USD", fiscalYearStartMonth: 1, timeZone: "UTC" },
    role: "rep",
    permissions: new Set(["t.read"]),
    tenant: { organizationId: "o1" } as PluginContext["tenant"],
    pluginId: "t",
    enabled: true,
    settings: {},
  } as unknown as PluginContext;
}

/** Runs one GET through the fast path; the body it wrote, or false when it left the request alone. */
async function fast(path: string, query: string, signedIn = true): Promise<{ status: number; body: unknown } | false> {
  let written: { status: number; body: unknown } | undefined;
  let ended!: () => void;
  const end = new Promise<void>((resolve) => (ended = resolve));
  const res = {
    writeHead(status: number) {
      written = { status, body: undefined };
      return res;
    },
    end(text: string) {
      written!.body = JSON.parse(text);
      ended();
    },
  };
  const answered = await tryFastQuery({
    router: testRouter,
    path,
    req: { method: "GET" } as IncomingMessage,
    res: res as unknown as ServerResponse,
    query,
    createContext: () => Promise.resolve(contextFor(signedIn)),
  });
  if (!answered) return false;
  await end; // answers go out in a batch (write-batch.ts)
  return written!;
}

/** The same GET through tRPC's general handler. */
async function general(path: string, query: string, signedIn = true): Promise<{ status: number; body: unknown }> {
  const url = `http://x/api/trpc/t/${path}${query ? `?${query}` : ""}`;
  const response = await serveTrpc({
    router: testRouter,
    request: new Request(url),
    path,
    logger: quiet,
    createContext: () => Promise.resolve(contextFor(signedIn)),
  });
  return { status: response.status, body: await response.json() };
}

const input = (value: unknown) => `input=${encodeURIComponent(JSON.stringify(superjson.serialize(value)))}`;
const batchInput = (value: unknown) => `batch=1&input=${encodeURIComponent(JSON.stringify({ 0: superjson.serialize(value) }))}`;

describe("the fast query path answers exactly as tRPC's general handler", () => {
  const answered: [string, string, string][] = [
    ["an authenticated query without input", "hello", ""],
    ["a query with zod input and defaults", "echo", input({ text: "ab", times: 2 })],
    ["a batch of one", "echo", batchInput({ text: "x" })],
    ["middlewares that extend ctx and replace the input", "stamped", input({ n: 21 })],
    ["an answer superjson must annotate (date, bigint, undefined)", "dated", ""],
  ];
  it.each(answered)("%s", async (_label, path, query) => {
    const expected = await general(path, query);
    expect(expected.status).toBe(200);
    expect(await fast(path, query)).toEqual(expected);
  });

  const declined: [string, string, string, boolean, number][] = [
    ["bad input (BAD_REQUEST with issues)", "echo", input({ text: "" }), true, 400],
    ["input that is not JSON", "echo", "input=%7Bnope", true, 400],
    ["a missing permission (FORBIDDEN)", "secret", "", true, 403],
    ["a signed-out caller (UNAUTHORIZED)", "hello", "", false, 401],
    ["a domain error thrown by the resolver", "missing", "", true, 404],
    ["a mutation", "write", "", true, 405],
    ["an unknown procedure", "nope", "", true, 404],
    ["a batch of two", "hello,hello", `batch=1&input=${encodeURIComponent("{}")}`, true, 200],
  ];
  it.each(declined)("leaves %s to the general path", async (_label, path, query, signedIn, status) => {
    expect(await fast(path, query, signedIn)).toBe(false);
    expect((await general(path, query, signedIn)).status).toBe(status);
  });
});

describe("isPlainJson (the fast path's shortcut around superjson)", () => {
  const plain: unknown[] = [
    null,
    "text",
    0,
    42.5,
    true,
    [],
    {},
    { user: { id: "u", email: "a@b.c" }, role: "rep", permissions: ["a", "b"], organizations: [{ id: "o", n: 1 }] },
    Object.assign(Object.create(null) as object, { a: 1 }),
  ];
  it.each(plain.map((v) => [JSON.stringify(v), v]))("%s is plain and superjson leaves it as it is", (_label, value) => {
    expect(isPlainJson(value, 0)).toBe(true);
    expect(superjson.serialize(value)).toEqual({ json: value });
  });

  const special: [string, unknown][] = [
    ["a date", { at: new Date(0) }],
    ["undefined in an object", { a: undefined }],
    ["undefined at the top", undefined],
    ["NaN", { n: Number.NaN }],
    ["Infinity", [Number.POSITIVE_INFINITY]],
    ["-0", -0],
    ["a bigint", 1n],
    ["a map", new Map([["a", 1]])],
    ["a set", new Set([1])],
    ["a class instance", { d: new (class Money { amount = "1.10"; })() }],
    // eslint-disable-next-line no-sparse-arrays -- the hole is what is tested
    ["a sparse array", [1, , 3]],
    ["a regexp", /x/],
  ];
  it.each(special)("%s is not plain: superjson annotates it", (_label, value) => {
    expect(isPlainJson(value, 0)).toBe(false);
  });

  it("gives up on very deep values instead of recursing without end", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(isPlainJson(deep, 0)).toBe(false);
  });
});
