import { verifyPassword } from "better-auth/crypto";
import { sql } from "drizzle-orm";
import { queryRows } from "@opsdeck/db";
import type { TestDatabase } from "@opsdeck/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STAGE_IDS } from "../domain/stages.ts";
import { createOrganization } from "../services/organizations.ts";
import { createCoreTestDatabase } from "../testing.ts";
import { verifyReferences } from "./copier.ts";
import { DEMO_PASSWORD, seedDemo, type SeedDemoResult } from "./seed-demo.ts";
import { countOf, seedChecksums } from "./seed-test-queries.ts";

const AS_OF = "2025-06-30";
let test: TestDatabase;
let acme: SeedDemoResult;
let globex: SeedDemoResult;
const rows = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => queryRows<T>(test.db, query);

beforeAll(async () => {
  test = await createCoreTestDatabase();
  acme = await seedDemo(test, { scale: "tiny", slug: "acme", asOf: AS_OF });
});

afterAll(async () => {
  await test.destroy();
});

describe("seedDemo (tiny scale)", () => {
  it("reports counts that match the database and the documented ranges", async () => {
    const org = acme.organizationId;
    const { counts } = acme;
    expect(counts.accounts).toBe(await countOf(test.db, org, "accounts"));
    expect(counts.contacts).toBe(await countOf(test.db, org, "contacts"));
    expect(counts.leads).toBe(await countOf(test.db, org, "leads"));
    expect(counts.opportunities).toBe(await countOf(test.db, org, "opportunities"));
    expect(counts.activities).toBe(await countOf(test.db, org, "activities"));
    expect(counts.duplicates).toBe(await countOf(test.db, org, "seed_duplicates"));
    expect(counts.users).toBe(await countOf(test.db, org, "memberships"));
    expect(counts.accounts).toBeGreaterThanOrEqual(60);
    expect(counts.accounts).toBeLessThanOrEqual(75);
    expect(counts.contacts).toBeGreaterThanOrEqual(250);
    expect(counts.contacts).toBeLessThanOrEqual(400);
    expect(counts.leads).toBeGreaterThanOrEqual(120);
    expect(counts.leads).toBeLessThanOrEqual(135);
    expect(counts.opportunities).toBeGreaterThanOrEqual(120);
    expect(counts.opportunities).toBeLessThanOrEqual(200);
    expect(counts.activities).toBeGreaterThanOrEqual(900);
    expect(counts.activities).toBeLessThanOrEqual(1700);
    expect(counts.teams).toBe(3);
  });

  it("lets the owner sign in with the demo password, and every seeded user has a credential", async () => {
    expect(acme.signIn).toEqual({ email: "admin@acme.example", password: DEMO_PASSWORD });
    const people = await rows<{ email: string; role: string; password: string | null }>(sql`
      select u.email, m.role, a.password from core.memberships m
      join core.users u on u.id = m.user_id
      left join core.auth_accounts a on a.user_id = u.id and a.provider_id = 'credential'
      where m.organization_id = ${acme.organizationId}`);
    expect(people.find((p) => p.email === "admin@acme.example")?.role).toBe("owner");
    expect(people.find((p) => p.email === "salesops@acme.example")?.role).toBe("admin");
    expect(people.every((p) => p.password)).toBe(true);
    expect(await verifyPassword({ hash: people[0]!.password!, password: DEMO_PASSWORD })).toBe(true);
    expect(await verifyPassword({ hash: people[0]!.password!, password: "wrong-password" })).toBe(false);
  });

  it("staffs every team with a manager, reps, and new hires who started recently", async () => {
    const teams = await rows<{ name: string; manager_role: string | null; members: number }>(sql`
      select t.name, mm.role as manager_role, (select count(*)::int from core.memberships x where x.team_id = t.id) as members
      from core.teams t left join core.memberships mm on mm.user_id = t.manager_user_id and mm.organization_id = t.organization_id
      where t.organization_id = ${acme.organizationId}`);
    expect(teams).toHaveLength(3);
    for (const team of teams) {
      expect(team.manager_role).toBe("manager");
      expect(Number(team.members)).toBeGreaterThanOrEqual(4);
    }
    const hires = await rows<{ start_date: string }>(sql`
      select start_date::text from core.memberships where organization_id = ${acme.organizationId} and role = 'new_hire'`);
    expect(hires.length).toBeGreaterThanOrEqual(2);
    for (const h of hires) expect(h.start_date >= "2025-05-15" && h.start_date < AS_OF).toBe(true);
  });

  it("keeps every reference inside the organization and every owner a member", async () => {
    const org = acme.organizationId;
    const [broken] = await rows<{ n: number }>(sql`
      select (
        (select count(*) from core.contacts c left join core.accounts a on a.id = c.account_id and a.organization_id = ${org}
          where c.organization_id = ${org} and (c.account_id is null or a.id is null))
        + (select count(*) from core.opportunities o left join core.accounts a on a.id = o.account_id and a.organization_id = ${org}
          where o.organization_id = ${org} and a.id is null)
        + (select count(*) from core.activities x where x.organization_id = ${org} and (
            (x.contact_id is not null and not exists (select 1 from core.contacts c where c.id = x.contact_id and c.organization_id = ${org}))
            or (x.opportunity_id is not null and not exists (select 1 from core.opportunities o where o.id = x.opportunity_id and o.organization_id = ${org}))
            or (x.lead_id is not null and not exists (select 1 from core.leads l where l.id = x.lead_id and l.organization_id = ${org}))))
      )::int as n`);
    expect(Number(broken!.n)).toBe(0);
    for (const table of ["accounts", "contacts", "leads", "opportunities", "activities"]) {
      const [owners] = await rows<{ missing: number; owned: number }>(sql`
        select count(*) filter (where r.owner_id is not null and m.user_id is null)::int as missing,
               count(r.owner_id)::int as owned
        from core.${sql.raw(table)} r
        left join core.memberships m on m.user_id = r.owner_id and m.organization_id = ${org}
        where r.organization_id = ${org}`);
      expect(Number(owners!.missing)).toBe(0);
      expect(Number(owners!.owned)).toBeGreaterThan(0);
    }
  });

  it("keeps each contact's last_activity_at equal to its latest activity", async () => {
    const [mismatch] = await rows<{ n: number; stale: number; never: number }>(sql`
      select count(*) filter (where c.last_activity_at is distinct from a.latest)::int as n,
             count(*) filter (where c.last_activity_at < ${AS_OF}::date - 365)::int as stale,
             count(*) filter (where c.last_activity_at is null)::int as never
      from core.contacts c
      left join (select contact_id, max(occurred_at) as latest from core.activities group by contact_id) a on a.contact_id = c.id
      where c.organization_id = ${acme.organizationId}`);
    expect(Number(mismatch!.n)).toBe(0);
    expect(Number(mismatch!.stale)).toBeGreaterThan(0);
    expect(Number(mismatch!.never)).toBeGreaterThan(0);
  });

  it("spreads opportunities over 8 quarters before as-of, in every stage, some open past their close date", async () => {
    const org = acme.organizationId;
    const stages = await rows<{ stage: string }>(sql`
      select distinct stage from core.opportunities where organization_id = ${org}`);
    expect(stages.map((s) => s.stage).sort()).toEqual([...STAGE_IDS].sort());
    const [q] = await rows<{ quarters: number; before: number; after: number }>(sql`
      select count(distinct date_trunc('quarter', created_at))::int as quarters,
             count(*) filter (where created_at < ${AS_OF}::date - 731)::int as before,
             count(*) filter (where created_at >= ${AS_OF}::date)::int as after
      from core.opportunities where organization_id = ${org}`);
    expect(Number(q!.quarters)).toBe(8);
    expect(Number(q!.before) + Number(q!.after)).toBe(0);
    const [state] = await rows<Record<string, number>>(sql`
      select count(*) filter (where not is_closed and close_date >= ${AS_OF}::date)::int as open_future,
             count(*) filter (where not is_closed and close_date < ${AS_OF}::date)::int as past_due,
             count(*) filter (where is_closed and (closed_at is null or closed_at >= ${AS_OF}::date or closed_at < created_at))::int as bad_closed,
             count(*) filter (where is_won <> (stage = 'closed_won') or is_closed <> (stage in ('closed_won', 'closed_lost')))::int as bad_flags,
             count(*) filter (where amount <> trunc(amount))::int as with_cents,
             count(*) filter (where currency = 'USD')::int as usd,
             count(*) filter (where currency in ('EUR', 'GBP'))::int as foreign
      from core.opportunities where organization_id = ${org}`);
    expect(Number(state!.open_future)).toBeGreaterThan(0);
    expect(Number(state!.past_due)).toBeGreaterThan(0);
    expect(Number(state!.bad_closed)).toBe(0);
    expect(Number(state!.bad_flags)).toBe(0);
    expect(Number(state!.with_cents)).toBeGreaterThan(0);
    expect(Number(state!.usd)).toBeGreaterThan(Number(state!.foreign));
    expect(Number(state!.foreign)).toBeGreaterThan(0);
    const rates = await rows<{ currency: string }>(sql`
      select distinct currency from core.exchange_rates where organization_id = ${org}`);
    expect(rates.map((r) => r.currency).sort()).toEqual(["EUR", "GBP"]);
  });

  it("gives leads sources, statuses, response times (some never answered) and conversions", async () => {
    const [leads] = await rows<Record<string, number>>(sql`
      select count(distinct status)::int as statuses, count(distinct source)::int as sources,
             count(*) filter (where first_response_at is null)::int as unanswered,
             count(*) filter (where first_response_at < created_at)::int as answered_early,
             count(*) filter (where status = 'converted' and converted_at is not null)::int as converted,
             count(*) filter (where (status = 'converted') <> (converted_at is not null))::int as bad_conversion,
             count(*) filter (where owner_id is null)::int as unowned
      from core.leads where organization_id = ${acme.organizationId}`);
    expect(Number(leads!.statuses)).toBe(6);
    expect(Number(leads!.sources)).toBeGreaterThanOrEqual(5);
    expect(Number(leads!.unanswered)).toBeGreaterThan(0);
    expect(Number(leads!.answered_early)).toBe(0);
    expect(Number(leads!.converted)).toBeGreaterThan(0);
    expect(Number(leads!.bad_conversion)).toBe(0);
    expect(Number(leads!.unowned)).toBeGreaterThan(0);
    const [first] = await rows<{ n: number }>(sql`
      select count(*)::int as n from core.leads l where l.organization_id = ${acme.organizationId}
        and l.first_response_at is not null
        and not exists (select 1 from core.activities a where a.lead_id = l.id and a.occurred_at = l.first_response_at)`);
    expect(Number(first!.n)).toBe(0);
  });

  it("refuses to seed an organization that already has records, and changes nothing", async () => {
    const before = await seedChecksums(test.db, acme.organizationId);
    const again = seedDemo(test, { scale: "tiny", slug: "acme", asOf: AS_OF });
    await expect(again).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(again).rejects.toThrow(/already has data/);
    expect(await seedChecksums(test.db, acme.organizationId)).toEqual(before);
  });

  it("rejects bad options with BAD_REQUEST", async () => {
    await expect(seedDemo(test, { scale: "huge" as "tiny" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(seedDemo(test, { scale: "tiny", slug: "Not A Slug" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(seedDemo(test, { scale: "tiny", slug: "x-co", asOf: "30/06/2025" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("seeds a second organization without touching the first, and fills an existing empty one", async () => {
    const before = await seedChecksums(test.db, acme.organizationId);
    globex = await seedDemo(test, { scale: "tiny", slug: "globex", name: "Globex Corporation", asOf: AS_OF });
    expect(globex.organizationId).not.toBe(acme.organizationId);
    expect(globex.signIn.email).toBe("admin@globex.example");
    expect(await seedChecksums(test.db, acme.organizationId)).toEqual(before);
    const other = await seedChecksums(test.db, globex.organizationId);
    expect(other.contacts).not.toBe(before.contacts);
    expect(other.opportunities).not.toBe(before.opportunities);
    const [crossed] = await rows<{ n: number }>(sql`
      select count(*)::int as n from core.activities x join core.contacts c on c.id = x.contact_id
      where x.organization_id <> c.organization_id`);
    expect(Number(crossed!.n)).toBe(0);

    const empty = await createOrganization(test.db, { slug: "initech", name: "Initech" });
    const initech = await seedDemo(test, { scale: "tiny", slug: "initech", asOf: AS_OF });
    expect(initech.organizationId).toBe(empty.id);
    expect(await countOf(test.db, empty.id, "contacts")).toBe(initech.counts.contacts);
  });

  it("finds a reference that leaves the organization when it verifies a seed", async () => {
    expect(await verifyReferences(test, acme.organizationId)).toEqual([]);
    const [contact] = await rows<{ id: string; owner_id: string }>(sql`
      select id, owner_id from core.contacts where organization_id = ${acme.organizationId} and owner_id is not null limit 1`);
    await test.db.execute(sql`update core.contacts set owner_id = (select id from core.users where email = ${globex.signIn.email})
      where id = ${contact!.id}`);
    expect(await verifyReferences(test, acme.organizationId)).toEqual(["contacts.owner_id: 1 rows"]);
    await test.db.execute(sql`update core.contacts set owner_id = ${contact!.owner_id} where id = ${contact!.id}`);
  });

  it("removes what it wrote when a seed fails halfway", async () => {
    const failing = seedDemo(test, {
      scale: "tiny",
      slug: "umbrella",
      asOf: AS_OF,
      onProgress: (p) => {
        if (p.step === "records" && p.done > 0) throw new Error("disk full");
      },
    });
    await expect(failing).rejects.toThrow("disk full");
    const [left] = await rows<{ orgs: number; accounts: number }>(sql`
      select (select count(*) from core.organizations where slug = 'umbrella')::int as orgs,
             (select count(*) from core.accounts a where not exists (select 1 from core.organizations o where o.id = a.organization_id))::int as accounts`);
    expect(left).toEqual({ orgs: 0, accounts: 0 });
    // A retry works: the people the failed attempt created are reused, as createMember would.
    const retry = await seedDemo(test, { scale: "tiny", slug: "umbrella", asOf: AS_OF });
    expect(await countOf(test.db, retry.organizationId, "contacts")).toBe(retry.counts.contacts);
    expect(await countOf(test.db, retry.organizationId, "memberships")).toBe(retry.counts.users);
  });
});
