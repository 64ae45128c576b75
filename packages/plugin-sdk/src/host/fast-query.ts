import type { IncomingMessage, ServerResponse } from "node:http";
import { getTRPCErrorFromUnknown, type AnyRouter } from "@trpc/server";
import superjson from "superjson";
import type { PluginContext } from "../context/types.ts";
import { endInBatch } from "./write-batch.ts";

/** What a tRPC middleware (and a procedure's resolver, its last middleware) is called with. */
interface CallOptions {
  ctx: unknown;
  path: string;
  type: "query";
  input: unknown;
  getRawInput: () => Promise<unknown>;
  signal: undefined;
  batchIndex: number;
}
interface NextOptions {
  ctx?: Record<string, unknown>;
  input?: unknown;
  getRawInput?: () => Promise<unknown>;
}
type MiddlewareResult = { ok: true; data: unknown } | { ok: false; error: unknown };
type Middleware = (opts: CallOptions & { meta: unknown; next: (opts?: NextOptions) => Promise<MiddlewareResult> }) => Promise<MiddlewareResult>;
interface QueryProcedure {
  _def: { type: string; meta: unknown; middlewares: Middleware[] };
}

const HEADERS = { "content-type": "application/json", vary: "trpc-accept, accept" };

/**
 * Answers one successful query read by GET (plain, or a batch of one) without tRPC's general handler,
 * which builds a fetch Response and a stream for every call: for the commonest request — a page or a
 * script reading data — that is most of the cost. Writes the same body tRPC would. Anything else
 * (mutations, real batches, bad input, any error) returns false untouched and takes the general path,
 * which then produces tRPC's error shapes; a query has no side effects, so running it there again is safe.
 */
export async function tryFastQuery(input: {
  router: AnyRouter;
  path: string;
  req: IncomingMessage;
  res: ServerResponse;
  query: string;
  createContext: () => Promise<PluginContext>;
}): Promise<boolean> {
  const { router, path, req, res } = input;
  if (req.method !== "GET" || path.includes(",")) return false;
  const procedure = (router._def as { procedures: Record<string, QueryProcedure | undefined> }).procedures[path];
  if (!procedure || procedure._def.type !== "query") return false;
  const params = new URLSearchParams(input.query);
  const batch = params.get("batch") === "1";
  let raw: unknown;
  try {
    const text = params.get("input");
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    const wire = batch ? (parsed as Record<string, unknown> | undefined)?.["0"] : parsed;
    raw = wire === undefined ? undefined : superjson.deserialize(wire as Parameters<typeof superjson.deserialize>[0]);
  } catch {
    return false;
  }
  let data: unknown;
  try {
    const ctx = await input.createContext();
    const result = await callMiddleware(procedure._def, 0, {
      ctx,
      path,
      type: "query",
      input: undefined,
      getRawInput: () => Promise.resolve(raw),
      signal: undefined,
      batchIndex: 0,
    });
    if (!result.ok) return false;
    data = result.data;
  } catch {
    return false;
  }
  // superjson's walk builds a path per value; most answers are plain JSON, for which its output is `{ json }`.
  const envelope = { result: { data: isPlainJson(data, 0) ? { json: data } : superjson.serialize(data) } };
  const body = JSON.stringify(batch ? [envelope] : envelope);
  res.writeHead(200, { ...HEADERS, "content-length": Buffer.byteLength(body) });
  endInBatch(res, body);
  return true;
}

/**
 * Runs a procedure's middlewares and resolver as tRPC's own `callRecursive` does (@trpc/server 11.x,
 * procedureBuilder.ts): each middleware gets the call options with `meta` and a `next` that passes on a
 * merged ctx, the input and the raw-input getter. tRPC copies those options with a property-descriptor
 * helper that costs more than the whole rest of a cached query; native spreads do the same copy. The
 * fast-query tests compare its answers with tRPC's general handler for every kind of procedure.
 */
async function callMiddleware(def: QueryProcedure["_def"], index: number, opts: CallOptions): Promise<MiddlewareResult> {
  try {
    const middleware = def.middlewares[index];
    if (!middleware) return { ok: false, error: new Error("No result from middlewares") };
    return await middleware({
      ...opts,
      meta: def.meta,
      next: (next?: NextOptions) =>
        callMiddleware(def, index + 1, {
          ...opts,
          ctx: next?.ctx ? { ...(opts.ctx as Record<string, unknown>), ...next.ctx } : opts.ctx,
          input: next && "input" in next ? next.input : opts.input,
          getRawInput: next?.getRawInput ?? opts.getRawInput,
        }),
    });
  } catch (cause) {
    return { ok: false, error: getTRPCErrorFromUnknown(cause) };
  }
}

/**
 * True when superjson would pass the value through untouched: null, booleans, finite numbers (not -0),
 * strings, arrays and plain objects of those, with no `undefined` (superjson records those). Anything
 * else — dates, maps, class instances, a deep tree — answers false and goes through superjson.
 */
export function isPlainJson(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0);
    case "object": {
      if (value === null) return true;
      if (depth > 32) return false;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!(i in value) || !isPlainJson(value[i], depth + 1)) return false;
        return true;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      for (const key in value) {
        if (key === "__proto__" || !isPlainJson((value as Record<string, unknown>)[key], depth + 1)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}
