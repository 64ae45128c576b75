// Reads the records of an organization for matching, in keyset-paginated batches (works on PGlite and
// PostgreSQL alike and never holds more than one batch of raw rows besides the features).
import { queryRows, type Database } from "@opsdeck/db";
import { sql, type SQL } from "drizzle-orm";
import type { MatchRow } from "./features.ts";
import type { DuplicateEntity } from "./rules.ts";

export interface LoadScope {
  db: Database;
  organizationId: string;
}

type Row = Record<string, string | null>;

const PERSON = sql.raw("t.id, t.external_id, t.first_name, t.last_name, t.email, t.phone, t.title, t.country");

function query(entity: "contacts" | "accounts" | "leads" | "lead_contact_contacts", scope: LoadScope, after: string, limit: number, ids?: string[]): SQL {
  const only = ids ? sql`and t.id = any(${toUuidArray(ids)})` : sql``;
  switch (entity) {
    case "contacts":
      return sql`select ${PERSON}, t.city, t.account_id from core.contacts t
        where t.organization_id = ${scope.organizationId} and t.deleted_at is null and t.id > ${after} ${only} order by t.id limit ${limit}`;
    case "lead_contact_contacts":
      return sql`select ${PERSON}, a.name as company from core.contacts t left join core.accounts a on a.id = t.account_id
        where t.organization_id = ${scope.organizationId} and t.deleted_at is null and t.id > ${after} ${only} order by t.id limit ${limit}`;
    case "leads":
      // A converted lead is the contact it became, not a duplicate of it.
      return sql`select ${PERSON}, t.company from core.leads t
        where t.organization_id = ${scope.organizationId} and t.deleted_at is null and t.status <> 'converted' and t.id > ${after} ${only}
        order by t.id limit ${limit}`;
    case "accounts":
      return sql`select t.id, t.external_id, t.name, t.domain, t.country, t.industry, t.city, t.parent_account_id from core.accounts t
        where t.organization_id = ${scope.organizationId} and t.deleted_at is null and t.id > ${after} ${only} order by t.id limit ${limit}`;
  }
}

function toUuidArray(ids: string[]): SQL {
  return sql`array[${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}]::uuid[]`;
}

function toMatchRow(r: Row, side: number): MatchRow {
  return {
    id: r.id!,
    externalId: r.external_id ?? null,
    side,
    firstName: r.first_name ?? null,
    lastName: r.last_name ?? null,
    email: r.email ?? null,
    phone: r.phone ?? null,
    title: r.title ?? null,
    country: r.country ?? null,
    city: r.city ?? null,
    accountId: r.account_id ?? null,
    company: r.company ?? null,
    name: r.name ?? null,
    domain: r.domain ?? null,
    industry: r.industry ?? null,
    parentId: r.parent_account_id ?? null,
  };
}

const FIRST_ID = "00000000-0000-0000-0000-000000000000";

async function* pages(scope: LoadScope, table: Parameters<typeof query>[0], side: number, batch: number, ids?: string[], limit = Infinity): AsyncGenerator<MatchRow[]> {
  let after = FIRST_ID;
  for (let read = 0; read < limit; read += batch) {
    const rows = await queryRows<Row>(scope.db, query(table, scope, after, Math.min(batch, limit - read), ids));
    if (!rows.length) return;
    yield rows.map((r) => toMatchRow(r, side));
    after = rows[rows.length - 1]!.id!;
    if (rows.length < batch) return;
  }
}

/**
 * Streams every live record an entity's scan compares (for leads vs contacts: open leads, then contacts) to
 * `sink`, batch by batch, so raw rows never pile up.
 */
export async function streamMatchRows(
  scope: LoadScope,
  entity: DuplicateEntity,
  sink: (row: MatchRow) => void,
  options: { batch?: number; ids?: string[]; limit?: number; onBatch?: (loaded: number) => Promise<void> | void } = {},
): Promise<number> {
  const batch = options.batch ?? 20_000;
  let loaded = 0;
  const sources: Array<[Parameters<typeof query>[0], number]> =
    entity === "lead_contact" ? [["leads", 1], ["lead_contact_contacts", 0]] : [[entity, 0]];
  for (const [table, side] of sources) {
    for await (const rows of pages(scope, table, side, batch, options.ids, options.limit)) {
      for (const r of rows) sink(r);
      loaded += rows.length;
      await options.onBatch?.(loaded);
    }
  }
  return loaded;
}

/** The same rows as an array (small sets: a sample, a few ids). */
export async function loadMatchRows(scope: LoadScope, entity: DuplicateEntity, options: { ids?: string[] } = {}): Promise<MatchRow[]> {
  const out: MatchRow[] = [];
  await streamMatchRows(scope, entity, (r) => out.push(r), options);
  return out;
}
