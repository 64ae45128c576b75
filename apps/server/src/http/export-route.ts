import { exportCsv, IMPORT_ENTITIES, isOpsdeckError, type TenantContext } from "@opsdeck/core";
import type { PluginHost, SessionIdentity } from "@opsdeck/plugin-sdk/host";
import type { IncomingMessage } from "node:http";
import { sendError } from "./respond.ts";
import type { Route } from "./server.ts";

/**
 * `GET /api/export/<entity>.csv?search=…`: the whole list as CSV with Opsdeck's headers, streamed (memory
 * stays flat for any size). Requires `core.records.read`.
 */
export function exportRoute(deps: { host: PluginHost; session: (req: IncomingMessage) => Promise<SessionIdentity | null> }): Route {
  return async (rc) => {
    const match = /^\/api\/export\/([a-z]+)\.csv$/.exec(rc.path);
    if (!match) return false;
    const { req, res, url } = rc;
    const entity = match[1]!;
    if (!(IMPORT_ENTITIES as readonly string[]).includes(entity)) return sendError(res, 404, "NOT_FOUND", `Nothing to export called ${entity}.`), true;
    const identity = await deps.session(req);
    if (!identity) return sendError(res, 401, "UNAUTHORIZED", "Sign in first."), true;
    const ctx = await deps.host.createContext("core", identity);
    const permission = entity === "users" ? "core.users.read" : "core.records.read";
    if (!ctx.tenant || !ctx.permissions.has(permission)) return sendError(res, 403, "FORBIDDEN", "You may not export this list."), true;
    const tenant: TenantContext = ctx.tenant;
    res.writeHead(200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${entity}-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    });
    try {
      await exportCsv(tenant, entity, res, { search: url.searchParams.get("search") ?? undefined, bom: true });
    } catch (err) {
      // Headers are gone: cut the download short so the browser shows it failed instead of saving half a file.
      if (!isOpsdeckError(err)) throw err;
      res.destroy();
    }
    return true;
  };
}
