import { hashPassword, verifyPassword } from "better-auth/crypto";
import { and, eq } from "drizzle-orm";
import { authAccounts, users } from "@opsdeck/core/schema";
import type { Database } from "@opsdeck/db";

// Checking a password against this when the email is unknown keeps both answers equally slow.
let decoy: Promise<string> | undefined;

/** The user whose email and password match, or null. Hashes are scrypt (memory-hard), via better-auth. */
export async function verifyCredentials(db: Database, email: string, password: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, hash: authAccounts.password })
    .from(users)
    .leftJoin(authAccounts, and(eq(authAccounts.userId, users.id), eq(authAccounts.providerId, "credential")))
    .where(eq(users.email, email.trim().toLowerCase()));
  if (!row?.hash) {
    decoy ??= hashPassword("decoy-password-for-timing");
    await verifyPassword({ hash: await decoy, password });
    return null;
  }
  const ok = await verifyPassword({ hash: row.hash, password });
  return ok ? { id: row.id, email: row.email, name: row.name } : null;
}
