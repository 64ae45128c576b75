import { sql } from "drizzle-orm";
import { queryRows } from "@opsdeck/db";
import type { TestDatabase } from "@opsdeck/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCoreTestDatabase } from "../testing.ts";
import { ACCOUNT_DIRT } from "./account-dirt.ts";
import { PERSON_DIRT } from "./dirt.ts";
import { seedDemo, type SeedDemoResult } from "./seed-demo.ts";
import { NICKNAMES } from "./vocabulary/names.ts";

let test: TestDatabase;
let small: SeedDemoResult;

beforeAll(async () => {
  test = await createCoreTestDatabase();
  small = await seedDemo(test, { scale: "small", slug: "acme", asOf: "2025-06-30" });
});

afterAll(async () => {
  await test.destroy();
});

interface Person {
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  title: string | null;
}
type Pair = { dirt: string[]; original: Person; duplicate: Person };

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

const digits = (phone: string) => phone.replace(/\D/g, "").slice(-9);

/** Checks that a duplicate differs from its original exactly in the recorded ways, and is otherwise the same. */
function assertPersonDirt({ dirt, original: o, duplicate: d }: Pair, label: string) {
  const has = (x: string) => dirt.includes(x);
  let [first, last] = [d.first_name ?? "", d.last_name ?? ""];
  if (has("swapped_names")) [first, last] = [last, first];
  let expectedFirst = o.first_name ?? "";
  if (has("nickname")) {
    const nick = NICKNAMES[expectedFirst]?.find((n) => distance(n, first) <= (has("typo") ? 1 : 0));
    expect(nick, `${label}: ${first} is a nickname of ${expectedFirst}`).toBeDefined();
    expectedFirst = nick!;
  }
  const edits = distance(first, expectedFirst) + distance(last, o.last_name ?? "");
  expect(edits, `${label}: edits in ${first} ${last} vs ${o.first_name} ${o.last_name}`).toBe(has("typo") ? 1 : 0);
  const blanked = (["email", "phone", "title"] as const).filter((f) => o[f] !== null && d[f] === null);
  expect(blanked.length > 0, `${label}: missing fields`).toBe(has("missing_fields"));
  if (d.email !== null) {
    expect(d.email.trim().toLowerCase()).toBe(o.email!.trim().toLowerCase());
    expect(d.email !== o.email, `${label}: email case`).toBe(has("email_case"));
  }
  if (d.phone !== null) {
    expect(digits(d.phone)).toBe(digits(o.phone!));
    expect(d.phone !== o.phone, `${label}: phone format`).toBe(has("phone_format"));
  }
  if (d.title !== null) expect(d.title).toBe(o.title);
}

describe("the small demo: planted duplicates and everyday mess", () => {
  it("builds the small demo in the documented ranges", () => {
    const c = small.counts;
    expect(c.accounts).toBeGreaterThanOrEqual(1_000);
    expect(c.accounts).toBeLessThanOrEqual(1_100);
    expect(c.contacts).toBeGreaterThanOrEqual(4_500);
    expect(c.contacts).toBeLessThanOrEqual(6_000);
    expect(c.leads).toBeGreaterThanOrEqual(2_000);
    expect(c.leads).toBeLessThanOrEqual(2_100);
    expect(c.opportunities).toBeGreaterThanOrEqual(2_300);
    expect(c.opportunities).toBeLessThanOrEqual(2_900);
    expect(c.activities).toBeGreaterThanOrEqual(18_000);
    expect(c.activities).toBeLessThanOrEqual(26_000);
    expect(c.users).toBeGreaterThanOrEqual(25);
    expect(c.teams).toBe(4);
  });

  it("plants 5–8% duplicate contacts, each dirtied exactly in the recorded ways", async () => {
    const pairs = await queryRows<Pair & { same_account: boolean; later: boolean }>(
      test.db,
      sql`select d.dirt, to_jsonb(o) as original, to_jsonb(c) as duplicate,
          (o.account_id = c.account_id or exists (select 1 from core.seed_duplicates a where a.entity = 'account'
            and a.original_id = o.account_id and a.duplicate_id = c.account_id)) as same_account,
          c.created_at > o.created_at as later
        from core.seed_duplicates d
        join core.contacts o on o.id = d.original_id and o.organization_id = d.organization_id
        join core.contacts c on c.id = d.duplicate_id and c.organization_id = d.organization_id
        where d.organization_id = ${small.organizationId} and d.entity = 'contact'`,
    );
    const share = pairs.length / small.counts.contacts;
    expect(share).toBeGreaterThanOrEqual(0.05);
    expect(share).toBeLessThanOrEqual(0.08);
    const seen = new Set<string>();
    for (const [i, pair] of pairs.entries()) {
      expect(pair.dirt.length).toBeGreaterThanOrEqual(1);
      expect(pair.same_account && pair.later).toBe(true);
      assertPersonDirt(pair, `contact pair ${i} ${JSON.stringify(pair.dirt)}`);
      for (const d of pair.dirt) seen.add(d);
    }
    expect([...seen].sort()).toEqual([...PERSON_DIRT].sort());
  });

  it("plants leads that match existing contacts, recorded with their dirt", async () => {
    const pairs = await queryRows<Pair & { status: string }>(
      test.db,
      sql`select d.dirt, to_jsonb(o) as original, jsonb_build_object('first_name', l.first_name, 'last_name', l.last_name,
            'email', l.email, 'phone', l.phone, 'title', l.title) as duplicate, l.status
        from core.seed_duplicates d
        join core.contacts o on o.id = d.original_id
        join core.leads l on l.id = d.duplicate_id and l.organization_id = d.organization_id
        where d.organization_id = ${small.organizationId} and d.entity = 'lead_contact'`,
    );
    expect(pairs.length).toBeGreaterThanOrEqual(40);
    for (const [i, pair] of pairs.entries()) {
      expect(["new", "working", "nurturing"]).toContain(pair.status);
      assertPersonDirt(pair, `lead pair ${i}`);
    }
  });

  it("plants duplicate accounts: the same company written another way", async () => {
    const pairs = await queryRows<{ dirt: string[]; o_name: string; d_name: string; o_domain: string | null; d_domain: string | null }>(
      test.db,
      sql`select d.dirt, o.name as o_name, c.name as d_name, o.domain as o_domain, c.domain as d_domain
        from core.seed_duplicates d
        join core.accounts o on o.id = d.original_id
        join core.accounts c on c.id = d.duplicate_id and c.organization_id = d.organization_id
        where d.organization_id = ${small.organizationId} and d.entity = 'account'`,
    );
    expect(pairs.length).toBeGreaterThanOrEqual(10);
    const core = (name: string) => name.toLowerCase().replace(/[^a-z0-9 ]/g, "").split(" ").slice(0, 2).join(" ");
    const bareDomain = (d: string) => d.toLowerCase().replace(/^https?:\/\//, "").replace(/^www\./, "").replace(/\/$/, "");
    const seen = new Set<string>();
    for (const p of pairs) {
      for (const d of p.dirt) seen.add(d);
      expect(distance(core(p.d_name), core(p.o_name))).toBe(p.dirt.includes("typo") ? 1 : 0);
      expect(p.d_name !== p.o_name).toBe(p.dirt.some((d) => ["name_case", "legal_suffix", "typo"].includes(d)));
      if (p.d_domain) expect(bareDomain(p.d_domain)).toBe(p.o_domain);
      const blanked = p.dirt.includes("missing_fields") && !p.d_domain && p.o_domain !== null;
      expect(p.d_domain !== p.o_domain).toBe(p.dirt.includes("domain_format") || blanked);
    }
    expect([...seen].sort()).toEqual([...ACCOUNT_DIRT].sort());
  });

  it("writes the everyday mess a CRM has: formats, spellings, blanks, orphans, leavers", async () => {
    const org = small.organizationId;
    const [mess] = await queryRows<Record<string, number>>(test.db, sql`
      select count(*) filter (where phone like '(%')::int as parens,
             count(*) filter (where phone like '+%')::int as international,
             count(*) filter (where phone ~ '^[0-9]{3}\\.[0-9]{3}\\.')::int as dotted,
             count(*) filter (where state = 'California')::int as written_state,
             count(*) filter (where state = 'CA')::int as coded_state,
             count(*) filter (where email <> lower(email))::int as capitals,
             count(*) filter (where email <> trim(email))::int as spaces,
             count(*) filter (where email is null)::int as no_email,
             count(*) filter (where owner_id is null)::int as unowned,
             count(*) filter (where country in ('USA', 'United States', 'United States of America', 'U.S.'))::int as us_spelled
      from core.contacts where organization_id = ${org}`);
    for (const [key, n] of Object.entries(mess!)) expect(Number(n), key).toBeGreaterThan(0);
    const [owners] = await queryRows<Record<string, number>>(test.db, sql`
      select (select count(*) from core.accounts a join core.memberships m on m.user_id = a.owner_id and m.organization_id = a.organization_id
                where a.organization_id = ${org} and m.deactivated_at is not null)::int as left_company,
             (select count(*) from core.accounts where organization_id = ${org} and owner_id is null)::int as unowned_accounts,
             (select count(*) from core.accounts where organization_id = ${org} and parent_account_id is not null)::int as subsidiaries,
             (select count(*) from core.accounts where organization_id = ${org} and domain is null)::int as no_domain`);
    for (const [key, n] of Object.entries(owners!)) expect(Number(n), key).toBeGreaterThan(0);
  });
});
