import type { IncomingMessage, ServerResponse } from "node:http";
import type { AnyRouter } from "@trpc/server";
import superjson from "superjson";
import type { PluginContext } from "../context/types.ts";

interface QueryProcedure {
  (opts: { ctx: unknown; path: string; getRawInput: () => Promise<unknown>; type: "query"; signal: undefined; batchIndex: number }): Promise<unknown>;
  _def: { type: string };
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
    data = await procedure({ ctx, path, getRawInput: () => Promise.resolve(raw), type: "query", signal: undefined, batchIndex: 0 });
  } catch {
    return false;
  }
  // superjson's walk builds a path per value; most answers are plain JSON, for which its output is `{ json }`.
  const envelope = { result: { data: isPlainJson(data, 0) ? { json: data } : superjson.serialize(data) } };
  const body = JSON.stringify(batch ? [envelope] : envelope);
  res.writeHead(200, { ...HEADERS, "content-length": Buffer.byteLength(body) });
  res.end(body);
  return true;
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
