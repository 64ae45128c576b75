// Hand-built data for the reports area's tests: one team (a manager, two reps) and an outsider rep.
import { queryRows } from "@opsdeck/db";
import type { TestHost, TestOrg, TestUser } from "@opsdeck/plugin-sdk/testing";
import { sql } from "drizzle-orm";

export interface People {
  org: TestOrg;
  manager: TestUser;
  repA: TestUser;
  repB: TestUser;
  /** A rep of another team. */
  other: TestUser;
  ops: TestUser;
  teamId: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyHost = TestHost<any>;

export async function makePeople(t: AnyHost, slug: string): Promise<People> {
  const org = await t.createOrg(slug);
  const manager = await t.createUser(org, "manager");
  const repA = await t.createUser(org, "rep");
  const repB = await t.createUser(org, "rep");
  const other = await t.createUser(org, "rep");
  const ops = await t.createUser(org, "ops");
  const [team] = await queryRows<{ id: string }>(
    t.db.db,
    sql`insert into core.teams (organization_id, name, manager_user_id) values (${org.id}::uuid, 'West', ${manager.userId}::uuid) returning id::text as id`,
  );
  await t.db.db.execute(
    sql`update core.memberships set team_id = ${team!.id}::uuid where organization_id = ${org.id}::uuid and user_id in (${repA.userId}::uuid, ${repB.userId}::uuid, ${manager.userId}::uuid)`,
  );
  t.host.invalidate(org.id);
  return { org, manager, repA, repB, other, ops, teamId: team!.id };
}

export interface OppInput {
  name: string;
  ownerId: string | null;
  amount: string;
  currency?: string;
  stage?: string;
  probability?: number;
  closeDate: string;
  createdAt?: string;
  closedAt?: string | null;
  isWon?: boolean;
  isClosed?: boolean;
}

export async function insertOpportunity(t: AnyHost, orgId: string, o: OppInput): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    t.db.db,
    sql`insert into core.opportunities (organization_id, name, amount, currency, stage, probability, owner_id, close_date, created_at, closed_at, is_won, is_closed)
        values (${orgId}::uuid, ${o.name}, ${o.amount}::numeric, ${o.currency ?? "USD"}, ${o.stage ?? "proposal"}, ${o.probability ?? 60}, ${o.ownerId}::uuid,
                ${o.closeDate}::date, ${o.createdAt ?? "2026-01-05T10:00:00Z"}::timestamptz, ${o.closedAt ?? null}::timestamptz, ${o.isWon ?? false}, ${o.isClosed ?? false})
        returning id::text as id`,
  );
  return row!.id;
}
