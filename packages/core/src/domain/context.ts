import type { Database } from "@opsdeck/db";
import type { Role } from "./roles.ts";
import type { RecordValidator } from "./validation.ts";

/**
 * Everything a service needs to act for someone: the database handle and the organization every query
 * is scoped to. Services never take an organization id from user input; they take it from here.
 */
export interface TenantContext {
  readonly db: Database;
  readonly organizationId: string;
  /** The acting user; null for the system (seed, migrations, scheduled work). */
  readonly actorUserId: string | null;
  readonly role?: Role | undefined;
  /** Rules of enabled plugins that record writes and imports must pass (set by the plugin host). */
  readonly recordValidator?: RecordValidator | undefined;
}

/** A context for system work inside one organization (CLI, seed, jobs). */
export function systemContext(db: Database, organizationId: string): TenantContext {
  return { db, organizationId, actorUserId: null };
}

/** The same context on another handle (a transaction). */
export function withDb(ctx: TenantContext, db: Database): TenantContext {
  return { ...ctx, db };
}
