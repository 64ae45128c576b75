import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@opsdeck/db";
import { authAccounts, events, memberships, teams, users } from "../schema/tables.ts";
import type { PeoplePlan } from "./people.ts";
import type { SeedClock } from "./time.ts";

export interface InsertedPeople {
  /** Members added to the organization by this seed. */
  members: number;
  teams: number;
}

/**
 * Writes the planned people: users (reused when the email already exists, as createMember does), their
 * credentials with the one demo password hash, teams with managers, and memberships. Emits `user.created`
 * for each new member so plugins (onboarding) see seeded people like any other.
 */
export async function insertPeople(
  db: Database,
  organizationId: string,
  plan: PeoplePlan,
  passwordHash: string,
  clock: SeedClock,
): Promise<InsertedPeople> {
  const at = (ms: number) => new Date(ms);
  return db.transaction(async (tx) => {
    const created = await tx
      .insert(users)
      .values(
        plan.people.map((p) => ({
          id: p.id,
          email: p.email,
          name: p.name,
          emailVerified: true,
          createdAt: at(p.startedAt),
          updatedAt: at(p.startedAt),
        })),
      )
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    const createdIds = new Set(created.map((u) => u.id));
    const existing = plan.people.filter((p) => !createdIds.has(p.id));
    if (existing.length) {
      const found = await tx
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(inArray(users.email, existing.map((p) => p.email)));
      const byEmail = new Map(found.map((u) => [u.email, u.id]));
      remapPeople(plan, new Map(existing.map((p) => [p.id, byEmail.get(p.email)!])));
    }
    if (created.length) {
      await tx.insert(authAccounts).values(
        created.map((u) => ({ userId: u.id, accountId: u.id, providerId: "credential", password: passwordHash })),
      );
    }

    const teamRows = await tx
      .insert(teams)
      .values(
        plan.teams.map((t) => ({
          id: t.id,
          organizationId,
          name: t.name,
          managerUserId: t.managerId,
          createdAt: at(clock.asOf - 5 * 365 * 86_400_000),
        })),
      )
      .onConflictDoNothing()
      .returning({ id: teams.id });
    if (teamRows.length < plan.teams.length) {
      const found = await tx
        .select({ id: teams.id, name: teams.name })
        .from(teams)
        .where(and(eq(teams.organizationId, organizationId), inArray(teams.name, plan.teams.map((t) => t.name))));
      const byName = new Map(found.map((t) => [t.name, t.id]));
      for (const team of plan.teams) team.id = byName.get(team.name) ?? team.id;
    }

    const added = await tx
      .insert(memberships)
      .values(
        plan.people.map((p) => ({
          organizationId,
          userId: p.id,
          role: p.role,
          teamId: p.teamIndex === null ? null : plan.teams[p.teamIndex]!.id,
          managerUserId: p.managerId,
          title: p.title,
          startDate: clock.day(p.startedAt),
          deactivatedAt: p.deactivatedAt === null ? null : at(p.deactivatedAt),
          createdAt: at(p.startedAt),
          updatedAt: at(p.deactivatedAt ?? p.startedAt),
        })),
      )
      .onConflictDoNothing()
      .returning({ userId: memberships.userId, role: memberships.role });
    const emailOf = new Map(plan.people.map((p) => [p.id, p.email]));
    if (added.length) {
      await tx.insert(events).values(
        added.map((m) => ({
          organizationId,
          type: "user.created",
          payload: { userId: m.userId, email: emailOf.get(m.userId)!, role: m.role },
          actorUserId: null,
        })),
      );
    }
    return { members: added.length, teams: plan.teams.length };
  });
}

/** Replaces user ids everywhere in the plan (when an email already belonged to an existing user). */
function remapPeople(plan: PeoplePlan, map: Map<string, string>): void {
  const swap = (id: string) => map.get(id) ?? id;
  for (const p of plan.people) {
    p.id = swap(p.id);
    if (p.managerId) p.managerId = swap(p.managerId);
  }
  for (const t of plan.teams) {
    t.managerId = swap(t.managerId);
    t.aes = t.aes.map(swap);
    t.sdrs = t.sdrs.map(swap);
    t.sellers = t.sellers.map(swap);
    t.accountOwners.values = t.accountOwners.values.map(swap);
    t.leadOwners.values = t.leadOwners.values.map(swap);
  }
}
