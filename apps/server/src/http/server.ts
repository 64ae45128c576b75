import { randomUUID } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../logger.ts";
import { sendError } from "./respond.ts";

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  /** The request's path, without the query: what routes match on. */
  path: string;
  /** The request's path and query (parsed on first use). */
  readonly url: URL;
  requestId: string;
  /** The request's logger, carrying its request id (made on first use). */
  readonly log: Logger;
}

/** Cheap per-request state: the URL and the child logger are built only when a route reads them. */
function requestContext(req: IncomingMessage, res: ServerResponse, requestId: string, log: Logger): RequestContext {
  let url: URL | undefined;
  let child: Logger | undefined;
  const raw = req.url ?? "/";
  const q = raw.indexOf("?");
  return {
    req,
    path: q < 0 ? raw : raw.slice(0, q),
    res,
    requestId,
    get url() {
      return (url ??= new URL(req.url ?? "/", "http://localhost"));
    },
    get log() {
      return (child ??= log.child({ requestId }));
    },
  };
}

/** A route answers the request (returns true) or lets the next one try. */
export type Route = (ctx: RequestContext) => Promise<boolean> | boolean;

export interface OpsdeckHttpServer {
  listen(port: number, host: string): Promise<string>;
  /** Stops taking connections and waits for in-flight requests (up to `timeoutMs`). */
  close(timeoutMs?: number): Promise<void>;
  readonly server: http.Server;
}

/** The HTTP server: request ids, structured access logs, routes in order, no stack traces to clients. */
export function createHttpServer(routes: Route[], log: Logger): OpsdeckHttpServer {
  let inFlight = 0;
  const debug = log.isLevelEnabled("debug");
  let drained: (() => void) | undefined;
  const server = http.createServer((req, res) => {
    inFlight += 1;
    const requestId = (req.headers["x-request-id"] as string | undefined)?.slice(0, 64) || randomUUID();
    const started = process.hrtime.bigint();
    const ctx = requestContext(req, res, requestId, log);
    res.setHeader("x-request-id", requestId);
    res.on("close", () => {
      inFlight -= 1;
      if (res.statusCode >= 500 || debug) {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const entry = { method: req.method, url: req.url, status: res.statusCode, ms };
        if (res.statusCode >= 500) ctx.log.error(entry, "request");
        else ctx.log.debug(entry, "request");
      }
      if (inFlight === 0) drained?.();
    });
    void dispatch(routes, ctx);
  });
  server.keepAliveTimeout = 65_000;
  return {
    server,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          const shownHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;
          resolve(`http://${shownHost}:${address.port}`);
        });
      });
    },
    async close(timeoutMs = 10_000) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((resolve) => (drained = resolve)),
          new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref()),
        ]);
      }
      server.closeAllConnections();
      await closed;
    },
  };
}

async function dispatch(routes: Route[], ctx: RequestContext) {
  try {
    for (const route of routes) if (await route(ctx)) return;
    sendError(ctx.res, 404, "NOT_FOUND", `No route for ${ctx.req.method} ${ctx.url.pathname}`);
  } catch (err) {
    ctx.log.error({ err }, "unhandled error");
    if (!ctx.res.headersSent) sendError(ctx.res, 500, "INTERNAL_SERVER_ERROR", "Something went wrong. The error was logged.");
    else ctx.res.destroy();
  }
}
