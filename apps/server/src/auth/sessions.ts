import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { memberships, organizations, sessions, users } from "@opsdeck/core/schema";
import type { Database } from "@opsdeck/db";

export interface SessionPolicy {
  /** A session unused for this long ends (idle timeout). */
  idleMs: number;
  /** A session ends this long after sign-in, however active (absolute lifetime). */
  maxAgeMs: number;
}

export interface ActiveSession {
  id: string;
  userId: string;
  email: string;
  name: string;
  organizationId: string | null;
  expiresAt: Date;
}

/** Sessions are stored by the SHA-256 of their token: a copy of the table does not let anyone sign in. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

// Renewing the idle deadline on every request would write on every request; once a minute is enough.
const RENEW_AFTER_MS = 60_000;

export async function createSession(
  db: Database,
  policy: SessionPolicy,
  input: { userId: string; organizationId: string | null; ipAddress?: string | undefined; userAgent?: string | undefined },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + policy.idleMs);
  await db.insert(sessions).values({
    token: hashToken(token),
    userId: input.userId,
    expiresAt,
    activeOrganizationId: input.organizationId,
    ipAddress: input.ipAddress ?? null,
    userAgent: input.userAgent?.slice(0, 500) ?? null,
  });
  return { token, expiresAt };
}

/**
 * The session a cookie names, if it is still valid: not idle past its deadline, not older than the
 * absolute lifetime. Each use pushes the idle deadline forward.
 */
export async function resolveSession(db: Database, policy: SessionPolicy, token: string): Promise<ActiveSession | null> {
  if (!token || token.length > 200) return null;
  const [row] = await db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      email: users.email,
      name: users.name,
      organizationId: sessions.activeOrganizationId,
      expiresAt: sessions.expiresAt,
      createdAt: sessions.createdAt,
      updatedAt: sessions.updatedAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.token, hashToken(token)));
  if (!row) return null;
  const now = Date.now();
  if (row.expiresAt.getTime() <= now || row.createdAt.getTime() + policy.maxAgeMs <= now) {
    await db.delete(sessions).where(eq(sessions.id, row.id));
    return null;
  }
  let expiresAt = row.expiresAt;
  if (now - row.updatedAt.getTime() > RENEW_AFTER_MS) {
    expiresAt = new Date(Math.min(now + policy.idleMs, row.createdAt.getTime() + policy.maxAgeMs));
    await db.update(sessions).set({ expiresAt, updatedAt: new Date(now) }).where(eq(sessions.id, row.id));
  }
  return { id: row.id, userId: row.userId, email: row.email, name: row.name, organizationId: row.organizationId, expiresAt };
}

export async function revokeSession(db: Database, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.token, hashToken(token)));
}

/** Signs a user out everywhere: every session of theirs ends now. */
export async function revokeAllSessions(db: Database, userId: string): Promise<number> {
  const gone = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return gone.length;
}

export async function setActiveOrganization(db: Database, sessionId: string, organizationId: string): Promise<void> {
  await db.update(sessions).set({ activeOrganizationId: organizationId, updatedAt: new Date() }).where(eq(sessions.id, sessionId));
}

/** The organizations a user may act in: active memberships only. */
export async function organizationsOf(db: Database, userId: string) {
  return db
    .select({ id: organizations.id, slug: organizations.slug, name: organizations.name, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, userId), isNull(memberships.deactivatedAt)))
    .orderBy(organizations.name);
}

/** Removes sessions past their idle deadline (run from time to time). */
export async function purgeExpiredSessions(db: Database, policy: SessionPolicy): Promise<void> {
  const now = new Date();
  await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.createdAt, new Date(now.getTime() - policy.maxAgeMs))));
}
