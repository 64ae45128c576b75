import { createTestDatabase, type TestDatabase } from "@opsdeck/db/testing";
import type { TenantContext } from "./domain/context.ts";
import type { Role } from "./domain/roles.ts";
import { migrateCore } from "./migrate.ts";
import { createOrganization, type Organization } from "./services/organizations.ts";
import { createMember, type Member } from "./services/users.ts";

/** A fresh test database (PGlite or Postgres per `OPSDECK_TEST_DB`) with the core schema migrated. */
export async function createCoreTestDatabase(): Promise<TestDatabase> {
  const test = await createTestDatabase();
  await migrateCore(test.db);
  return test;
}

export interface TestOrganization {
  org: Organization;
  /** The organization's owner, and a context acting as them. */
  owner: Member;
  ctx: TenantContext;
  /** Adds a member with a role and returns a context acting as them. */
  member(role: Role, email?: string): Promise<{ member: Member; ctx: TenantContext }>;
}

let counter = 0;

/** Creates an organization with an owner, for tests. */
export async function createTestOrganization(test: TestDatabase, slug?: string): Promise<TestOrganization> {
  counter += 1;
  const orgSlug = slug ?? `org-${counter}-${Math.random().toString(36).slice(2, 8)}`;
  const org = await createOrganization(test.db, { slug: orgSlug, name: `Org ${orgSlug}` });
  const system: TenantContext = { db: test.db, organizationId: org.id, actorUserId: null };
  const owner = await createMember(system, { email: `owner@${orgSlug}.test`, name: "Owner", role: "owner" });
  const ctx: TenantContext = { db: test.db, organizationId: org.id, actorUserId: owner.userId, role: "owner" };
  return {
    org,
    owner,
    ctx,
    async member(role, email) {
      counter += 1;
      const member = await createMember(ctx, {
        email: email ?? `${role}${counter}@${orgSlug}.test`,
        name: `${role} ${counter}`,
        role,
      });
      return { member, ctx: { db: test.db, organizationId: org.id, actorUserId: member.userId, role } };
    },
  };
}

export { openSeededBenchDatabase, type SeededBenchDatabase, type SeededBenchDatabaseOptions } from "./seed/bench-database.ts";
