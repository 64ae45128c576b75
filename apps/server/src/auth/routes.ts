import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { and, eq, gt } from "drizzle-orm";
import { z } from "zod";
import { emailSchema, passwordSchema, setPassword } from "@opsdeck/core";
import { mailOutbox, users, verifications } from "@opsdeck/core/schema";
import type { Database } from "@opsdeck/db";
import { readBody, sendError, sendJson } from "../http/respond.ts";
import type { Route } from "../http/server.ts";
import { readCookie, sessionCookie, sessionCookieName, type CookieSettings } from "./cookies.ts";
import { verifyCredentials } from "./passwords.ts";
import {
  createSession,
  organizationsOf,
  resolveSession,
  revokeAllSessions,
  revokeSession,
  setActiveOrganization,
  type ActiveSession,
  type SessionPolicy,
} from "./sessions.ts";

export interface AuthOptions {
  db: Database;
  policy: SessionPolicy;
  cookies: CookieSettings;
  /** The portal's public URL, for links in mails and the Origin check. */
  publicUrl: () => string;
  onResetLink?: (email: string, link: string) => void;
}

export interface Auth {
  /** The valid session a request carries, if any. */
  session(req: IncomingMessage): Promise<ActiveSession | null>;
  /** The same, from a `Cookie` header. */
  sessionFromCookies(header: string | null | undefined): Promise<ActiveSession | null>;
  /**
   * The same for the API's hot path: answers from a cache of a few seconds. A session revoked in this
   * process is dropped at once; one revoked by another process ends within `SESSION_CACHE_MS`, and the
   * host checks the membership itself on every call.
   */
  cachedSessionFromCookies(header: string | null | undefined): Promise<ActiveSession | null>;
  routes: Route;
}

const signInSchema = z.object({ email: emailSchema, password: z.string().min(1).max(256), organization: z.string().optional() });
const switchSchema = z.object({ organizationId: z.uuid() });
const resetRequestSchema = z.object({ email: emailSchema });
const resetConfirmSchema = z.object({ token: z.string().min(20).max(200), password: passwordSchema });

const RESET_TTL_MS = 60 * 60 * 1000;
/** How long the API trusts a session lookup before asking the database again. */
export const SESSION_CACHE_MS = 2000;
const sha = (s: string) => createHash("sha256").update(s).digest("base64url");

/** Email + password sign-in, sessions in Postgres, organization switch, sign-out (here or everywhere), password reset. */
export function createAuth(options: AuthOptions): Auth {
  const { db, policy, cookies } = options;
  const cookieName = sessionCookieName(cookies.secure);
  const sessionFromCookies = async (header: string | null | undefined) => {
    const token = header ? readCookie({ headers: { cookie: header } }, cookieName) : undefined;
    return token ? resolveSession(db, policy, token) : null;
  };
  const session = (req: IncomingMessage) => sessionFromCookies(req.headers.cookie);
  const cache = new Map<string, { value: ActiveSession | null; until: number }>();
  const cachedSessionFromCookies = async (header: string | null | undefined) => {
    const token = header ? readCookie({ headers: { cookie: header } }, cookieName) : undefined;
    if (!token) return null;
    const now = Date.now();
    const hit = cache.get(token);
    if (hit && hit.until > now) return hit.value;
    const value = await resolveSession(db, policy, token);
    if (cache.size >= 10_000) cache.clear();
    cache.set(token, { value, until: now + SESSION_CACHE_MS });
    return value;
  };

  const parse = async <T>(req: IncomingMessage, schema: z.ZodType<T>) => {
    let raw: unknown;
    try {
      raw = JSON.parse((await readBody(req, 64 * 1024)).toString("utf8") || "{}");
    } catch {
      return { ok: false, error: "The request body is not JSON." } as const;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ") } as const;
    }
    return { ok: true, data: parsed.data } as const;
  };

  const routes: Route = async ({ req, res, path: pathname }) => {
    if (!pathname.startsWith("/api/auth/")) return false;
    const action = pathname.slice("/api/auth/".length);
    if (req.method === "GET" && action === "session") {
      const current = await session(req);
      if (!current) return sendJson(res, 200, { session: null }), true;
      const orgs = await organizationsOf(db, current.userId);
      sendJson(res, 200, { session: { user: { id: current.userId, email: current.email, name: current.name }, organizationId: current.organizationId, expiresAt: current.expiresAt, organizations: orgs } });
      return true;
    }
    if (req.method !== "POST") return sendError(res, 405, "METHOD_NOT_ALLOWED", "Use POST."), true;
    // Cookies ride along on cross-site form posts; a browser always names the page's origin, so check it.
    const origin = req.headers.origin;
    if (origin && origin !== new URL(options.publicUrl()).origin && origin !== `http://${req.headers.host}` && origin !== `https://${req.headers.host}`) {
      return sendError(res, 403, "FORBIDDEN", "Cross-origin request refused."), true;
    }

    if (action === "sign-in") {
      const body = await parse(req, signInSchema);
      if (!body.ok) return sendError(res, 400, "BAD_REQUEST", body.error), true;
      const user = await verifyCredentials(db, body.data.email, body.data.password);
      const orgs = user ? await organizationsOf(db, user.id) : [];
      if (!user || orgs.length === 0) {
        return sendError(res, 401, "UNAUTHORIZED", "Email or password is wrong, or the account has no access."), true;
      }
      const org = orgs.find((o) => o.slug === body.data.organization || o.id === body.data.organization) ?? orgs[0]!;
      const created = await createSession(db, policy, {
        userId: user.id,
        organizationId: org.id,
        ipAddress: req.socket.remoteAddress,
        userAgent: req.headers["user-agent"],
      });
      sendJson(res, 200, { user, organizationId: org.id, organizations: orgs }, { "set-cookie": sessionCookie(cookies, created.token) });
      return true;
    }
    if (action === "password-reset/request") {
      const body = await parse(req, resetRequestSchema);
      if (!body.ok) return sendError(res, 400, "BAD_REQUEST", body.error), true;
      const [user] = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.email, body.data.email));
      if (user) {
        const token = randomBytes(32).toString("base64url");
        await db.insert(verifications).values({ identifier: `password-reset:${user.id}`, value: sha(token), expiresAt: new Date(Date.now() + RESET_TTL_MS) });
        const link = `${options.publicUrl()}/reset-password?token=${token}`;
        await db.insert(mailOutbox).values({ to: user.email, subject: "Reset your Opsdeck password", text: `Set a new password within an hour: ${link}\nIf you did not ask for this, ignore this mail.` });
        options.onResetLink?.(user.email, link);
      }
      // The same answer whether or not the email exists: the form must not reveal who has an account.
      sendJson(res, 200, { ok: true });
      return true;
    }
    if (action === "password-reset/confirm") {
      const body = await parse(req, resetConfirmSchema);
      if (!body.ok) return sendError(res, 400, "BAD_REQUEST", body.error), true;
      const [row] = await db.select().from(verifications).where(and(eq(verifications.value, sha(body.data.token)), gt(verifications.expiresAt, new Date())));
      if (!row?.identifier.startsWith("password-reset:")) {
        return sendError(res, 400, "BAD_REQUEST", "This reset link is invalid or has expired. Ask for a new one."), true;
      }
      const userId = row.identifier.slice("password-reset:".length);
      await db.transaction(async (tx) => {
        await setPassword(tx, userId, body.data.password);
        await tx.delete(verifications).where(eq(verifications.identifier, row.identifier));
        await revokeAllSessions(tx, userId);
      });
      cache.clear();
      sendJson(res, 200, { ok: true });
      return true;
    }

    const current = await session(req);
    if (!current) return sendError(res, 401, "UNAUTHORIZED", "Sign in first."), true;
    if (action === "sign-out" || action === "sign-out-everywhere") cache.clear();
    if (action === "sign-out") {
      await revokeSession(db, readCookie(req, cookieName)!);
      sendJson(res, 200, { ok: true }, { "set-cookie": sessionCookie(cookies, null) });
      return true;
    }
    if (action === "sign-out-everywhere") {
      const ended = await revokeAllSessions(db, current.userId);
      sendJson(res, 200, { ok: true, ended }, { "set-cookie": sessionCookie(cookies, null) });
      return true;
    }
    if (action === "switch-organization") {
      const body = await parse(req, switchSchema);
      if (!body.ok) return sendError(res, 400, "BAD_REQUEST", body.error), true;
      const orgs = await organizationsOf(db, current.userId);
      if (!orgs.some((o) => o.id === body.data.organizationId)) {
        return sendError(res, 403, "FORBIDDEN", "You are not a member of that organization."), true;
      }
      await setActiveOrganization(db, current.id, body.data.organizationId);
      sendJson(res, 200, { organizationId: body.data.organizationId });
      return true;
    }
    sendError(res, 404, "NOT_FOUND", `No auth action ${action}.`);
    return true;
  };
  return { session, sessionFromCookies, cachedSessionFromCookies, routes };
}
