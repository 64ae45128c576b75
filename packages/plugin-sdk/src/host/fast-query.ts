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
  const envelope = { result: { data: superjson.serialize(data) } };
  const body = JSON.stringify(batch ? [envelope] : envelope);
  res.writeHead(200, { ...HEADERS, "content-length": Buffer.byteLength(body) });
  res.end(body);
  return true;
}
