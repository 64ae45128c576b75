import { randomBytes } from "node:crypto";
import path from "node:path";
import type { OpenedDatabase } from "@opsdeck/db";
import type { SessionIdentity, SessionResolver } from "@opsdeck/plugin-sdk/host";
import { createAuth, type Auth } from "./auth/routes.ts";
import { purgeExpiredSessions, type SessionPolicy } from "./auth/sessions.ts";
import type { CommandFactory } from "./cli/program.ts";
import type { Env } from "./env.ts";
import { cliRoute } from "./http/cli-endpoint.ts";
import { health } from "./http/health.ts";
import { exportRoute } from "./http/export-route.ts";
import { importRoutes } from "./http/imports.ts";
import { sendJson } from "./http/respond.ts";
import { removeRunFile, writeRunFile } from "./http/runfile.ts";
import { createHttpServer, type Route } from "./http/server.ts";
import { staticRoutes } from "./http/static.ts";
import type { Logger } from "./logger.ts";
import { startPlatform, type Platform } from "./platform.ts";

export interface OpsdeckApp {
  url: string;
  auth: Auth;
  platform: Platform;
  close(): Promise<void>;
}

export interface StartAppOptions {
  env: Env;
  opened: OpenedDatabase;
  log: Logger;
  port: number;
  host: string;
  /** CLI commands the server can run for a local `opsdeck` process. */
  cliCommands?: () => CommandFactory[];
  /** Overrides the session lifetimes of the environment (tests). */
  sessionPolicy?: SessionPolicy;
  /** The built shell (default apps/web/dist). */
  webDist?: string;
}

export const WEB_DIST = path.resolve(import.meta.dirname, "../../web/dist");

/** How often expired sessions are deleted (a lookup already refuses them; this keeps the table small). */
const SESSION_PURGE_MS = 60 * 60_000;

/** Starts the portal on an opened, migrated database: plugins, jobs, events, sign-in, API and the shell. */
export async function startApp(options: StartAppOptions): Promise<OpsdeckApp> {
  const { env, opened, log } = options;
  const token = randomBytes(32).toString("hex");
  const policy = options.sessionPolicy ?? {
    idleMs: env.SESSION_IDLE_MINUTES * 60_000,
    maxAgeMs: env.SESSION_MAX_DAYS * 86_400_000,
  };
  let publicUrl = env.PUBLIC_URL ?? "";
  const auth = createAuth({
    db: opened.db,
    policy,
    cookies: { secure: publicUrl.startsWith("https:"), maxAgeSeconds: Math.round(policy.maxAgeMs / 1000) },
    publicUrl: () => publicUrl,
    onResetLink: (email, link) => log.info({ email, link }, "password reset link (also queued in core.mail_outbox)"),
  });
  const identity = async (cookie: string | null | undefined): Promise<SessionIdentity | null> => {
    const s = await auth.cachedSessionFromCookies(cookie);
    return s ? { userId: s.userId, email: s.email, name: s.name, organizationId: s.organizationId } : null;
  };
  const resolveSession: SessionResolver = (request) => identity(request.headers.get("cookie"));
  const routes: Route[] = [
    async ({ path: pathname, res }) => {
      if (pathname !== "/api/health") return false;
      const body = await health(opened);
      sendJson(res, body.status === "ok" ? 200 : 503, body);
      return true;
    },
    auth.routes,
  ];
  const starting: Route = ({ res }) => (sendJson(res, 503, { error: { code: "STARTING", message: "Opsdeck is starting." } }), true);
  routes.push(starting);
  const http = createHttpServer(routes, log);
  // Listen first: invitation links need the real address when PORT is 0 or PUBLIC_URL is unset.
  const url = await http.listen(options.port, options.host);
  publicUrl ||= url;
  let platform: Platform;
  try {
    platform = await startPlatform({ env, opened, log, background: true, publicUrl });
  } catch (err) {
    await http.close();
    throw err;
  }
  const purge = () => purgeExpiredSessions(opened.db, policy).catch((err: unknown) => log.warn({ err }, "expired sessions could not be purged"));
  void purge();
  const purgeTimer = setInterval(() => void purge(), SESSION_PURGE_MS);
  purgeTimer.unref();
  const apiHandler = platform.host.nodeHandler(resolveSession);
  routes.pop();
  routes.push(
    importRoutes({
      host: platform.host,
      runner: platform.runner,
      uploadsDir: path.join(env.stateDir, "uploads"),
      session: (req) => identity(req.headers.cookie),
    }),
    exportRoute({ host: platform.host, session: (req) => identity(req.headers.cookie) }),
    // The root logger: the SDK makes the child carrying the request id only if the call logs.
    ({ req, res, requestId }) => apiHandler(req, res, { requestId, logger: log }),
  );
  if (opened.backend === "pglite") routes.push(cliRoute(env, { opened, platform }, token, options.cliCommands ?? (() => [])));
  routes.push(staticRoutes({ webDist: options.webDist ?? WEB_DIST, pluginRoot: (id) => platform.host.root(id) }));
  if (opened.backend === "pglite") {
    writeRunFile(env.stateDir, { pid: process.pid, url, token, dataDir: env.OPSDECK_DATA_DIR });
  }
  return {
    url,
    auth,
    platform,
    async close() {
      removeRunFile(env.stateDir);
      clearInterval(purgeTimer);
      await http.close();
      await platform.stop({ graceful: true });
    },
  };
}
