import type { IncomingMessage, ServerResponse } from "node:http";
import { isOpsdeckError, OpsdeckError, type ErrorIssue } from "@opsdeck/core";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPCError } from "@trpc/server";
import type { MemberContext, PluginContext } from "../context/types.ts";
import type { Logger } from "../logger.ts";
import type { AnyPluginDownload } from "../manifest/types.ts";
import { internalErrorMessage, TRPC_CODE_OF } from "../trpc/errors.ts";
import { isValidationError, summarizeIssues, validationIssues } from "../trpc/issues.ts";

export const DOWNLOAD_PREFIX = "/api/download/";

/** Splits `/api/download/<plugin id>/<name>`; undefined for anything else. */
export function downloadRoute(pathname: string): { pluginId: string; name: string } | undefined {
  if (!pathname.startsWith(DOWNLOAD_PREFIX)) return undefined;
  const match = /^([a-z][a-z0-9-]*)\/([a-z][a-z0-9-]*)$/.exec(pathname.slice(DOWNLOAD_PREFIX.length));
  return match ? { pluginId: match[1]!, name: match[2]! } : undefined;
}

function sendJsonError(res: ServerResponse, status: number, code: string, message: string, issues?: ErrorIssue[]) {
  const body = JSON.stringify({ error: { code, message, ...(issues ? { issues } : {}) } });
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body), "cache-control": "no-store" });
  res.end(body);
}

/** The same access rules as `procedure.permission`: enabled plugin, signed in, member, holding the permission. */
function enforce(ctx: PluginContext, permission: string): asserts ctx is MemberContext {
  if (!ctx.enabled) throw new OpsdeckError("PLUGIN_DISABLED", `The plugin "${ctx.pluginId}" is disabled for this organization.`);
  if (!ctx.session) throw new OpsdeckError("UNAUTHORIZED", "Sign in to do this.");
  if (!ctx.organization || !ctx.tenant || !ctx.role) throw new OpsdeckError("FORBIDDEN", "You are not an active member of an organization.");
  if (!ctx.permissions.has(permission)) throw new OpsdeckError("FORBIDDEN", `You do not have the permission "${permission}".`);
}

/**
 * Answers `GET /api/download/<plugin id>/<name>?…` with a plugin's streamed file. Until the first byte
 * every problem is a JSON error with its status (400 with issues for a bad query, 401/403/404…); once the
 * file is streaming, a failure cuts the connection so the browser shows a failed download, not half a file.
 */
export async function serveDownload(input: {
  req: IncomingMessage;
  res: ServerResponse;
  query: string;
  download: AnyPluginDownload | undefined;
  createContext: () => Promise<PluginContext>;
  logger: Logger;
  requestId: string;
}): Promise<void> {
  const { req, res, download } = input;
  if (req.method !== "GET") return sendJsonError(res, 405, "METHOD_NOT_SUPPORTED", "Use GET.");
  let file;
  try {
    if (!download) throw new OpsdeckError("NOT_FOUND", "There is no such download.");
    const ctx = await input.createContext();
    enforce(ctx, download.permission);
    const query: unknown = await download.query.parseAsync(Object.fromEntries(new URLSearchParams(input.query)));
    file = await download.prepare(ctx, query);
  } catch (err) {
    if (isOpsdeckError(err)) {
      const status = getHTTPStatusCodeFromError(new TRPCError({ code: TRPC_CODE_OF[err.code] }));
      return sendJsonError(res, status, err.code, err.message, err.issues.length ? err.issues : undefined);
    }
    if (isValidationError(err)) {
      const issues = validationIssues(err);
      return sendJsonError(res, 400, "BAD_REQUEST", summarizeIssues(issues), issues);
    }
    if (err instanceof TRPCError && err.code === "NOT_FOUND") return sendJsonError(res, 404, "NOT_FOUND", err.message);
    input.logger.error({ err, requestId: input.requestId }, "download failed");
    return sendJsonError(res, 500, "INTERNAL_SERVER_ERROR", internalErrorMessage(input.requestId));
  }
  const safeName = file.fileName.replace(/["\\\r\n]/g, "_");
  res.writeHead(200, {
    "content-type": file.contentType,
    "content-disposition": `attachment; filename="${safeName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  try {
    await file.write(res);
    if (!res.writableEnded) res.end();
  } catch (err) {
    input.logger.error({ err, requestId: input.requestId }, "download failed while streaming");
    res.destroy();
  }
}
