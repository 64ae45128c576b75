import type { Database } from "@opsdeck/db";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Role } from "../domain/roles.ts";
import { memberships, organizations } from "../schema/tables.ts";

/** An organization a user is an active member of. */
export interface UserOrganization {
  organizationId: string;
  slug: string;
  name: string;
  role: Role;
}

/**
 * The organizations a user is an active member of, by name. Scoped to the user, not to an organization:
 * it answers "where may I act", before any organization is chosen.
 */
export async function listUserOrganizations(db: Database, userId: string): Promise<UserOrganization[]> {
  return db
    .select({
      organizationId: memberships.organizationId,
      slug: organizations.slug,
      name: organizations.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, userId), isNull(memberships.deactivatedAt)))
    .orderBy(asc(organizations.name), asc(memberships.organizationId));
}
