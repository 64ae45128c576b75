import { MoneyDecimal, seedDemo } from "@opsdeck/core";
import { queryRows } from "@opsdeck/db";
import { createTestHost, type TestHost, type TestOrg } from "@opsdeck/plugin-sdk/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import reporting from "../server.ts";
import { previousQuarter, quarterOf, weekStarts } from "./periods.ts";
import { seedForecasts } from "./seed.ts";

// The plugin's demo data on core's tiny demo organization.
let t: TestHost<[typeof reporting]>;
let org: TestOrg;
const AS_OF = "2026-06-30";

beforeAll(async () => {
  t = await createTestHost({ plugins: [reporting] });
  const seeded = await seedDemo(t.db, { scale: "tiny", slug: "demo", asOf: AS_OF });
  org = { id: seeded.organizationId } as TestOrg;
});
afterAll(() => t.destroy());

const n = (v: unknown) => Number(v);

describe("seed", () => {
  it("builds weekly snapshots of the pipeline as it stood, and everyone's weekly calls, once", async () => {
    const ctx = await t.taskContext(org, "reporting");
    const first = await seedForecasts(ctx, "small");
    // Weeks from the previous fiscal quarter's start to the last seeded day (weeks start on Monday).
    const [last] = await queryRows<{ day: string }>(
      t.db.db,
      sql`select max(greatest(created_at, coalesce(closed_at, created_at)))::date::text as day from core.opportunities where organization_id = ${org.id}::uuid`,
    );
    const quarter = quarterOf(last!.day, ctx.organization.fiscalYearStartMonth);
    const weeks = weekStarts(previousQuarter(quarter, ctx.organization.fiscalYearStartMonth).startsOn, last!.day, 1);
    expect(first.snapshots).toBe(weeks.length);
    const snapshots = await queryRows<{ taken_on: string; row_count: number }>(
      t.db.db,
      sql`select taken_on::text as taken_on, row_count from plugin_reporting.pipeline_snapshots where organization_id = ${org.id}::uuid order by taken_on`,
    );
    expect(snapshots.map((s) => s.taken_on)).toEqual(weeks);
    expect(snapshots.every((s) => n(s.row_count) > 0)).toBe(true);
    // Each snapshot holds exactly the deals open at the end of its day: created by then and not yet closed.
    const [wrong] = await queryRows<{ extra: number; missing: number }>(
      t.db.db,
      sql`with s as (select id, taken_on from plugin_reporting.pipeline_snapshots where organization_id = ${org.id}::uuid),
        open_then as (select s.id as snapshot_id, o.id as opportunity_id from s join core.opportunities o on o.organization_id = ${org.id}::uuid
          and o.deleted_at is null and o.created_at < (s.taken_on + 1)::timestamptz and (o.closed_at is null or o.closed_at >= (s.taken_on + 1)::timestamptz))
        select (select count(*) from plugin_reporting.pipeline_snapshot_rows r where r.organization_id = ${org.id}::uuid
                  and not exists (select 1 from open_then x where x.snapshot_id = r.snapshot_id and x.opportunity_id = r.opportunity_id))::int as extra,
               (select count(*) from open_then x where not exists (select 1 from plugin_reporting.pipeline_snapshot_rows r
                  where r.snapshot_id = x.snapshot_id and r.opportunity_id = x.opportunity_id))::int as missing`,
    );
    expect(wrong).toEqual({ extra: 0, missing: 0 });
    // Calls: one own call per active seller and week at most, commit never above best case, team calls from managers.
    const [calls] = await queryRows<{ total: number; dup: number; bad: number; team_by_non_manager: number }>(
      t.db.db,
      sql`select count(*)::int as total,
          (count(*) - count(distinct (user_id, scope, week_start)))::int as dup,
          count(*) filter (where commit > best_case)::int as bad,
          count(*) filter (where scope = 'team' and user_id not in (select manager_user_id from core.teams where organization_id = ${org.id}::uuid and manager_user_id is not null))::int as team_by_non_manager
        from plugin_reporting.forecast_submissions where organization_id = ${org.id}::uuid`,
    );
    expect(calls).toMatchObject({ dup: 0, bad: 0, team_by_non_manager: 0 });
    expect(calls!.total).toBe(first.submissions);
    expect(first.submissions).toBeGreaterThan(weeks.length);
    // Movement between two seeded weeks balances exactly.
    const from = weeks[weeks.length - 3]!;
    const to = weeks[weeks.length - 1]!;
    const [owner] = await queryRows<{ user_id: string; email: string }>(
      t.db.db,
      sql`select m.user_id::text as user_id, u.email from core.memberships m join core.users u on u.id = m.user_id where m.organization_id = ${org.id}::uuid and m.role = 'owner'`,
    );
    const asOwner = { userId: owner!.user_id, email: owner!.email, name: "Owner", organizationId: org.id, role: "owner" as const };
    const movement = await t.as(asOwner).reporting.forecasts.movement({ from, to });
    expect(movement.from).toBe(from);
    const amount = (k: keyof typeof movement.totals) => new MoneyDecimal(movement.totals[k].amount);
    const balance = new MoneyDecimal(movement.start).plus(amount("came_in")).minus(amount("slipped")).minus(amount("won")).minus(amount("lost")).minus(amount("removed")).plus(amount("changed"));
    expect(balance.toFixed(2)).toBe(new MoneyDecimal(movement.end).toFixed(2));
    expect(movement.lines.length).toBeGreaterThan(0);
    // A second seed changes nothing.
    expect(await seedForecasts(ctx, "small")).toEqual({ snapshots: 0, submissions: 0 });
  });
});
