// A small hand-built sales organization for the KPI tests; the expected values are worked out in the tests.
import { accounts, activities, events, exchangeRates, leads, memberships, opportunities, teams } from "@opsdeck/core/schema";
import type { TestHost, TestOrg, TestUser } from "@opsdeck/plugin-sdk/testing";
import { and, eq } from "drizzle-orm";

export const Q3 = { from: "2026-07-01", to: "2026-09-30" };

type Host = Pick<TestHost, "db" | "createUser">;
const at = (iso: string) => new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);

export interface Fixture {
  org: TestOrg;
  ops: TestUser;
  manager: TestUser;
  otherManager: TestUser;
  r1: TestUser;
  r2: TestUser;
  r3: TestUser;
  teamA: string;
  teamB: string;
  big: string;
  small: string;
  opp: Record<`O${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12}`, string>;
  lead: Record<`L${1 | 2 | 3 | 4 | 5}`, string>;
  activity: Record<`A${1 | 2 | 3 | 4 | 5 | 6 | 7}`, string>;
}

async function joinTeam(host: Host, org: TestOrg, user: TestUser, teamId: string) {
  await host.db.db
    .update(memberships)
    .set({ teamId })
    .where(and(eq(memberships.organizationId, org.id), eq(memberships.userId, user.userId)));
}

export async function buildFixture(host: Host, org: TestOrg): Promise<Fixture> {
  const db = host.db.db;
  const [ops, manager, otherManager, r1, r2, r3] = [
    await host.createUser(org, "ops"),
    await host.createUser(org, "manager"),
    await host.createUser(org, "manager"),
    await host.createUser(org, "rep"),
    await host.createUser(org, "rep"),
    await host.createUser(org, "rep"),
  ];
  const [teamA] = await db.insert(teams).values({ organizationId: org.id, name: "Team A", managerUserId: manager.userId }).returning();
  const [teamB] = await db.insert(teams).values({ organizationId: org.id, name: "Team B", managerUserId: otherManager.userId }).returning();
  for (const u of [manager, r1, r2]) await joinTeam(host, org, u, teamA!.id);
  for (const u of [otherManager, r3]) await joinTeam(host, org, u, teamB!.id);

  await db.insert(exchangeRates).values([
    { organizationId: org.id, currency: "EUR", rate: "1.10", validFrom: "2026-01-01" },
    { organizationId: org.id, currency: "EUR", rate: "1.20", validFrom: "2026-07-01" },
    { organizationId: org.id, currency: "GBP", rate: "1.30", validFrom: "2026-07-01" },
  ]);
  const [big] = await db.insert(accounts).values({ organizationId: org.id, name: "Big Corp", employees: 5000 }).returning();
  const [small] = await db.insert(accounts).values({ organizationId: org.id, name: "Small Shop", employees: 50 }).returning();

  const deal = async (
    name: string,
    v: { owner: TestUser | null; amount: string; currency?: string; stage: string; probability: number; created: string; closed?: string; source?: string; account?: string; deleted?: boolean },
  ) => {
    const closed = v.stage === "closed_won" || v.stage === "closed_lost";
    const [row] = await db
      .insert(opportunities)
      .values({
        organizationId: org.id,
        name,
        ownerId: v.owner?.userId ?? null,
        amount: v.amount,
        currency: v.currency ?? "USD",
        stage: v.stage,
        probability: v.probability,
        source: v.source ?? null,
        accountId: v.account ?? null,
        createdAt: at(v.created),
        updatedAt: at(v.created),
        closedAt: v.closed ? at(v.closed) : null,
        isClosed: closed,
        isWon: v.stage === "closed_won",
        deletedAt: v.deleted ? at("2026-09-01") : null,
      })
      .returning();
    return row!.id;
  };
  const opp: Fixture["opp"] = {
    O1: await deal("O1", { owner: r1, amount: "1000.00", stage: "closed_won", probability: 100, created: "2026-06-01", closed: "2026-07-11", source: "web", account: big!.id }),
    O2: await deal("O2", { owner: r1, amount: "500.00", currency: "EUR", stage: "closed_won", probability: 100, created: "2026-07-05", closed: "2026-08-04", source: "referral", account: small!.id }),
    O3: await deal("O3", { owner: r2, amount: "2000.00", stage: "closed_won", probability: 100, created: "2026-05-03", closed: "2026-09-30", source: "web", account: big!.id }),
    O4: await deal("O4", { owner: r2, amount: "700.00", stage: "closed_lost", probability: 0, created: "2026-07-10", closed: "2026-08-15", source: "referral" }),
    O5: await deal("O5", { owner: r3, amount: "300.00", stage: "closed_lost", probability: 0, created: "2026-04-01", closed: "2026-07-20" }),
    O6: await deal("O6", { owner: r1, amount: "1000.00", stage: "proposal", probability: 60, created: "2026-08-01", source: "web" }),
    O7: await deal("O7", { owner: r2, amount: "1000.00", currency: "GBP", stage: "negotiation", probability: 80, created: "2026-09-15" }),
    O8: await deal("O8", { owner: r3, amount: "500.00", stage: "qualification", probability: 20, created: "2026-10-05" }),
    O9: await deal("O9", { owner: r1, amount: "400.00", stage: "closed_won", probability: 100, created: "2026-09-01", closed: "2026-10-10" }),
    O10: await deal("O10", { owner: r1, amount: "1500.00", stage: "closed_won", probability: 100, created: "2026-04-01", closed: "2026-05-15" }),
    O11: await deal("O11", { owner: r1, amount: "9999.00", stage: "closed_won", probability: 100, created: "2026-07-01", closed: "2026-07-15", deleted: true }),
    O12: await deal("O12", { owner: null, amount: "100.00", stage: "closed_won", probability: 100, created: "2026-07-01", closed: "2026-07-20" }),
  };
  // O4 went from qualification to proposal before it was lost: it reached stage 3 (proposal).
  await db.insert(events).values({
    organizationId: org.id,
    type: "opportunity.stage_changed",
    payload: { opportunityId: opp.O4, from: "qualification", to: "proposal" },
  });

  const lead = async (name: string, v: { owner: TestUser | null; created: string; responseMinutes: number | null; source?: string }) => {
    const created = at(v.created);
    const [row] = await db
      .insert(leads)
      .values({
        organizationId: org.id,
        lastName: name,
        ownerId: v.owner?.userId ?? null,
        source: v.source ?? "web",
        createdAt: created,
        updatedAt: created,
        firstResponseAt: v.responseMinutes === null ? null : new Date(created.getTime() + v.responseMinutes * 60_000),
      })
      .returning();
    return row!.id;
  };
  const leadIds: Fixture["lead"] = {
    L1: await lead("L1", { owner: r1, created: "2026-07-02T10:00:00Z", responseMinutes: 30 }),
    L2: await lead("L2", { owner: r2, created: "2026-07-03T09:00:00Z", responseMinutes: 90, source: "event" }),
    L3: await lead("L3", { owner: r1, created: "2026-08-01T12:00:00Z", responseMinutes: 45 }),
    L4: await lead("L4", { owner: r1, created: "2026-08-02T12:00:00Z", responseMinutes: null }),
    L5: await lead("L5", { owner: r1, created: "2026-06-30T12:00:00Z", responseMinutes: 5 }),
  };

  const activity = async (
    subject: string,
    v: { owner: TestUser; type: "call" | "email" | "meeting"; on: string; minutes: number | null; lead?: string; opportunity?: string; deleted?: boolean },
  ) => {
    const [row] = await db
      .insert(activities)
      .values({
        organizationId: org.id,
        subject,
        type: v.type,
        ownerId: v.owner.userId,
        occurredAt: at(v.on),
        durationMinutes: v.minutes,
        leadId: v.lead ?? null,
        opportunityId: v.opportunity ?? null,
        deletedAt: v.deleted ? at("2026-09-01") : null,
      })
      .returning();
    return row!.id;
  };
  const activityIds: Fixture["activity"] = {
    A1: await activity("A1", { owner: r1, type: "meeting", on: "2026-08-03T15:00:00Z", minutes: 60, opportunity: opp.O6 }),
    A2: await activity("A2", { owner: r1, type: "call", on: "2026-07-02T11:00:00Z", minutes: 30, lead: leadIds.L1 }),
    A3: await activity("A3", { owner: r2, type: "meeting", on: "2026-07-08T11:00:00Z", minutes: 45 }),
    A4: await activity("A4", { owner: r2, type: "email", on: "2026-07-09T11:00:00Z", minutes: null }),
    A5: await activity("A5", { owner: r1, type: "meeting", on: "2026-08-05T11:00:00Z", minutes: 30, lead: leadIds.L3 }),
    A6: await activity("A6", { owner: r1, type: "meeting", on: "2026-08-06T11:00:00Z", minutes: 30, lead: leadIds.L3, deleted: true }),
    A7: await activity("A7", { owner: r3, type: "call", on: "2026-10-06T11:00:00Z", minutes: 20 }),
  };
  return { org, ops, manager, otherManager, r1, r2, r3, teamA: teamA!.id, teamB: teamB!.id, big: big!.id, small: small!.id, opp, lead: leadIds, activity: activityIds };
}
