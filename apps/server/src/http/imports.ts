import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { z } from "zod";
import {
  IMPORT_ENTITIES,
  IMPORT_FIELDS,
  IMPORT_MODES,
  importMappingSchema,
  isOpsdeckError,
  previewCsv,
  saveImportMapping,
  type JobRunner,
  type TenantContext,
} from "@opsdeck/core";
import type { IncomingMessage } from "node:http";
import type { PluginHost, SessionIdentity } from "@opsdeck/plugin-sdk/host";
import { readBody, sendError, sendJson } from "./respond.ts";
import type { Route } from "./server.ts";

/** The largest CSV the wizard takes (the CLI has no limit). */
const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;
const UPLOAD_ID = /^[0-9a-f-]{36}$/;

const previewSchema = z.object({
  uploadId: z.string().regex(UPLOAD_ID),
  entity: z.enum(IMPORT_ENTITIES),
  mapping: importMappingSchema.optional(),
});
const startSchema = previewSchema.extend({
  mode: z.enum(IMPORT_MODES).default("all-or-nothing"),
  remember: z.boolean().default(true),
});

/**
 * The web import wizard's API: upload a CSV (streamed to disk), preview it with a mapping, and start the
 * import as a background job. Requires `core.import.run`. Uploads live in `.opsdeck/uploads`, one folder
 * per organization, so an upload id of another organization is simply not found.
 */
export function importRoutes(deps: {
  host: PluginHost;
  runner: JobRunner | undefined;
  uploadsDir: string;
  session: (req: IncomingMessage) => Promise<SessionIdentity | null>;
}): Route {
  const tenantFor = async (req: IncomingMessage): Promise<TenantContext | string> => {
    const identity = await deps.session(req);
    if (!identity) return "UNAUTHORIZED";
    const ctx = await deps.host.createContext("core", identity);
    if (!ctx.tenant) return "UNAUTHORIZED";
    if (!ctx.permissions.has("core.import.run")) return "FORBIDDEN";
    return ctx.tenant;
  };
  const uploadPath = (tenant: TenantContext, id: string) => path.join(deps.uploadsDir, tenant.organizationId, `${id}.csv`);

  return async (ctx) => {
    if (!ctx.path.startsWith("/api/imports/")) return false;
    const { req, res, url } = ctx;
    if (req.method !== "POST") return sendError(res, 405, "METHOD_NOT_ALLOWED", "Use POST."), true;
    const tenant = await tenantFor(req);
    if (typeof tenant === "string") {
      sendError(res, tenant === "FORBIDDEN" ? 403 : 401, tenant, tenant === "FORBIDDEN" ? "You may not import data." : "Sign in first.");
      return true;
    }
    try {
      const action = url.pathname.slice("/api/imports/".length);
      if (action === "upload") {
        const entity = z.enum(IMPORT_ENTITIES).safeParse(url.searchParams.get("entity"));
        if (!entity.success) return sendError(res, 400, "BAD_REQUEST", `entity must be one of ${IMPORT_ENTITIES.join(", ")}.`), true;
        const id = randomUUID();
        const file = uploadPath(tenant, id);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        let size = 0;
        req.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_UPLOAD_BYTES) req.destroy(new Error("too large"));
        });
        try {
          await pipeline(req, fs.createWriteStream(file));
        } catch {
          fs.rmSync(file, { force: true });
          return sendError(res, 413, "BAD_REQUEST", "The file is larger than 1 GB; import it with `opsdeck import`."), true;
        }
        const preview = await previewCsv(tenant, { entity: entity.data, input: fs.createReadStream(file) });
        sendJson(res, 200, {
          uploadId: id,
          fileName: url.searchParams.get("name") ?? "upload.csv",
          bytes: size,
          fields: IMPORT_FIELDS[entity.data],
          preview,
        });
        return true;
      }
      const parsed = (action === "start" ? startSchema : previewSchema).safeParse(
        JSON.parse((await readBody(req, 256 * 1024)).toString("utf8") || "{}"),
      );
      if (!parsed.success) {
        sendJson(res, 400, { error: { code: "BAD_REQUEST", message: "Invalid request.", issues: parsed.error.issues } });
        return true;
      }
      const file = uploadPath(tenant, parsed.data.uploadId);
      if (!fs.existsSync(file)) return sendError(res, 404, "NOT_FOUND", "That upload is gone; upload the file again."), true;
      if (action === "preview") {
        sendJson(res, 200, await previewCsv(tenant, { entity: parsed.data.entity, input: fs.createReadStream(file), mapping: parsed.data.mapping }));
        return true;
      }
      if (action === "start") {
        const input = parsed.data as z.output<typeof startSchema>;
        if (!deps.runner) return sendError(res, 503, "UNAVAILABLE", "This process runs no background jobs."), true;
        const preview = await previewCsv(tenant, { entity: input.entity, input: fs.createReadStream(file), mapping: input.mapping, rows: 1 });
        if (preview.mappingError) return sendError(res, 400, "BAD_REQUEST", preview.mappingError), true;
        if (input.remember) await saveImportMapping(tenant, input.entity, preview.headers, preview.mapping);
        const job = await deps.runner.enqueue(tenant, "core.import", {
          entity: input.entity,
          path: file,
          fileName: url.searchParams.get("name") ?? undefined,
          mode: input.mode,
          mapping: preview.mapping,
        });
        sendJson(res, 202, { job });
        return true;
      }
      sendError(res, 404, "NOT_FOUND", `No import action ${action}.`);
      return true;
    } catch (err) {
      if (isOpsdeckError(err)) {
        sendJson(res, err.code === "NOT_FOUND" ? 404 : 400, { error: { code: err.code, message: err.message, issues: err.issues } });
        return true;
      }
      if (err instanceof SyntaxError) return sendError(res, 400, "BAD_REQUEST", "The request body is not JSON."), true;
      throw err;
    }
  };
}
