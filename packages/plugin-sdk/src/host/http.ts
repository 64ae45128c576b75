import type { IncomingMessage, ServerResponse } from "node:http";
import type { AnyRouter } from "@trpc/server";
import { resolveResponse } from "@trpc/server/http";
import { incomingMessageToRequest } from "@trpc/server/adapters/node-http";
import type { PluginContext } from "../context/types.ts";
import type { Logger } from "../logger.ts";
import type { RequestLike } from "./node-request.ts";
import { endInBatch } from "./write-batch.ts";

/** The biggest request body the API takes (1 MiB); imports upload through their own route. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Options a server passes with each request it hands to the host. */
export interface HandleOptions {
  /** The server's request id (else `x-request-id`, else a new one). */
  requestId?: string | undefined;
  /** The request's logger (a pino child carrying the request id). */
  logger?: Logger | undefined;
}

/** Answers JSON with the status. */
export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

/** `scheme://host` of an absolute URL, without parsing the rest. */
function originOf(url: string): string {
  const end = url.indexOf("/", url.indexOf("//") + 2);
  return end < 0 ? url : url.slice(0, end);
}

/**
 * Refuses a cross-site write: a browser sends `Origin` with every POST, and a page of another origin
 * must not use the user's cookie to call mutations (better-auth checks its own routes only).
 */
export function originAllowed(request: RequestLike, allowed: ReadonlySet<string>): boolean {
  if (request.method === "GET" || request.method === "HEAD") return true;
  const origin = request.headers.get("origin");
  if (!origin) return true;
  if (allowed.has(origin)) return true;
  return origin === originOf(request.url);
}

/** Runs a tRPC request (`path` is what follows `/api/trpc/<id>/`) against a router. */
export function serveTrpc(input: {
  router: AnyRouter;
  request: RequestLike;
  path: string;
  createContext: () => Promise<PluginContext>;
  logger: Logger;
}): Promise<Response> {
  return resolveResponse({
    router: input.router,
    // tRPC reads method, url, headers, signal and json() of it; a RequestLike has them.
    req: input.request as Request,
    path: input.path,
    error: null,
    createContext: input.createContext,
    onError({ error, ctx, path }) {
      // Errors inside procedures are logged by the SDK's middleware, with the request id; this catches the rest.
      if (!ctx && error.code === "INTERNAL_SERVER_ERROR") input.logger.error({ err: error.cause ?? error, path }, "request failed");
    },
  });
}

/** Writes a fetch Response to a node response, all at once (API answers are small JSON documents). */
export async function writeNodeResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, key) => {
    if (key !== "set-cookie") res.setHeader(key, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("set-cookie", cookies);
  // A string body goes out in the same write as the headers, batched with the other answers ready now.
  endInBatch(res, response.body ? await response.text() : undefined);
}

/** Turns a node request into a fetch Request (for bodies tRPC reads as streams or forms). */
export function toFetchRequest(req: IncomingMessage, res: ServerResponse): Request {
  return incomingMessageToRequest(req, res, { maxBodySize: MAX_BODY_BYTES });
}
