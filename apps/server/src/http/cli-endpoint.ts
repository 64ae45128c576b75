import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { OpenedDatabase } from "@opsdeck/db";
import type { Platform } from "../platform.ts";
import type { CommandFactory } from "../cli/program.ts";
import { runCli } from "../cli/program.ts";
import type { Env } from "../env.ts";
import { readBody, sendError } from "./respond.ts";
import type { Route } from "./server.ts";

const bodySchema = z.object({ argv: z.array(z.string()).max(200), cwd: z.string() });

/**
 * `POST /api/cli`: runs a CLI command inside the server, on the server's database, for an `opsdeck`
 * process on the same machine (the embedded database admits one process). Only a caller that can read
 * the run file (`.opsdeck/server.json`, mode 0600) knows the token. Output streams back as NDJSON.
 */
export function cliRoute(
  env: Env,
  shared: { opened: OpenedDatabase; platform: Platform },
  token: string,
  extra: () => CommandFactory[],
): Route {
  const expected = Buffer.from(token);
  return async ({ req, res, path: pathname }) => {
    if (pathname !== "/api/cli") return false;
    const given = Buffer.from(String(req.headers["x-opsdeck-cli-token"] ?? ""));
    if (req.method !== "POST" || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      sendError(res, 403, "FORBIDDEN", "The CLI endpoint is for the local opsdeck command.");
      return true;
    }
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req)).toString("utf8") || "{}");
    } catch {
      sendError(res, 400, "BAD_REQUEST", "Expected a JSON body { argv, cwd }.");
      return true;
    }
    const parsed = bodySchema.safeParse(body);
    if (!parsed.success) {
      sendError(res, 400, "BAD_REQUEST", "Expected { argv, cwd }.");
      return true;
    }
    if (parsed.data.argv[0] === "start") {
      sendError(res, 409, "CONFLICT", "The server is already running.");
      return true;
    }
    res.writeHead(200, { "content-type": "application/x-ndjson", "cache-control": "no-store" });
    const line = (value: unknown) => res.write(`${JSON.stringify(value)}\n`);
    const code = await runCli(
      parsed.data.argv,
      env,
      { out: (data) => line({ out: data }), err: (data) => line({ err: data }), cwd: parsed.data.cwd, interactive: false },
      { shared, extra: extra() },
    );
    line({ exit: code });
    res.end();
    return true;
  };
}
