import { queryRows, type Database } from "@opsdeck/db";
import { sql } from "drizzle-orm";
import { textArray } from "../validation/text-array.ts";
import { FREE_MAIL_DOMAINS } from "./domains.ts";

/**
 * For accounts of a page: the company domain most of their contacts' emails share (free mail providers
 * left out), when at least two contacts and more than half of those with a company email agree.
 */
export async function contactDomainsOf(db: Database, organizationId: string, entity: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (entity !== "accounts" || ids.length === 0) return new Map();
  const rows = await queryRows<{ account_id: string; domain: string; n: number | string; total: number | string }>(
    db,
    sql`select account_id, domain, n, total from (
          select account_id, domain, count(*) as n, sum(count(*)) over (partition by account_id) as total,
                 row_number() over (partition by account_id order by count(*) desc, domain) as rank
          from (select c.account_id, lower(split_part(btrim(c.email), '@', 2)) as domain
                from core.contacts c
                where c.organization_id = ${organizationId} and c.deleted_at is null
                  and c.account_id = any(${textArray(ids)}::uuid[])
                  and c.email like '%@%') e
          where domain <> '' and not (domain = any(${textArray([...FREE_MAIL_DOMAINS])}))
          group by account_id, domain) d
        where rank = 1`,
  );
  const out = new Map<string, string>();
  for (const r of rows) {
    const n = Number(r.n);
    if (n >= 2 && n * 2 > Number(r.total) && /^[a-z0-9.-]+\.[a-z]{2,63}$/.test(r.domain)) out.set(r.account_id, r.domain);
  }
  return out;
}
