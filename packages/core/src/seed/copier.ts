import { sql } from "drizzle-orm";
import { queryRows, type OpenedDatabase } from "@opsdeck/db";

/** Loads CSV text into a table with COPY. */
export type Copier = (table: string, columns: readonly string[], csv: string) => Promise<void>;

export interface SeedCopier {
  copy: Copier;
  /** True when foreign-key triggers are skipped during COPY (and the seed checks references itself). */
  trusted: boolean;
}

const quote = (name: string) =>
  name
    .split(".")
    .map((part) => `"${part.replaceAll('"', '""')}"`)
    .join(".");
const copyStatement = (table: string, columns: readonly string[], source: string) =>
  `COPY ${quote(table)} (${columns.map(quote).join(", ")}) FROM ${source} WITH (FORMAT csv)`;

/**
 * How the seed loads its CSV. Per-row foreign-key checks are half the cost of a COPY (measured: 25 s
 * against 13 s for the medium demo on PostgreSQL), so when the role may set `session_replication_role`
 * (a superuser, as on PGlite and the dev server, or a role granted SET on it) each COPY runs in its own
 * transaction with `SET LOCAL session_replication_role = replica`, the way pg_restore --disable-triggers
 * loads a dump: nothing else on the connection pool is affected, and `verifyReferences` then checks every
 * reference of the seeded organization in one set-based pass. Otherwise COPY runs with its checks.
 */
export async function createCopier(opened: OpenedDatabase): Promise<SeedCopier> {
  const plain: SeedCopier = { copy: (table, columns, csv) => opened.copyCsv(table, columns, csv), trusted: false };
  if (!(await maySkipTriggers(opened))) return plain;
  const raw = opened.raw;
  if (raw.backend === "pglite") {
    const copy: Copier = async (table, columns, csv) => {
      await raw.client.transaction(async (tx) => {
        await tx.query("set local session_replication_role = replica");
        await tx.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([csv]) });
      });
    };
    return { copy, trusted: true };
  }
  const copy: Copier = async (table, columns, csv) => {
    await raw.client.begin(async (tx) => {
      await tx.unsafe("set local session_replication_role = replica");
      const stream = await tx.unsafe(copyStatement(table, columns, "STDIN")).writable();
      await new Promise<void>((resolve, reject) => {
        stream.on("error", reject);
        stream.on("finish", resolve);
        stream.end(csv);
      });
    });
  };
  return { copy, trusted: true };
}

async function maySkipTriggers(opened: OpenedDatabase): Promise<boolean> {
  try {
    const [row] = await queryRows<{ ok: boolean }>(
      opened.db,
      sql`select current_setting('is_superuser') = 'on'
        or has_parameter_privilege('session_replication_role', 'SET') as ok`,
    );
    return row?.ok === true;
  } catch {
    return false;
  }
}

// Every reference a seeded row holds, and where it must point: a record of the same organization, or a member.
const REFERENCES: Readonly<Record<string, readonly (readonly [column: string, target: string])[]>> = {
  accounts: [
    ["owner_id", "member"],
    ["parent_account_id", "accounts"],
  ],
  contacts: [
    ["account_id", "accounts"],
    ["owner_id", "member"],
  ],
  leads: [["owner_id", "member"]],
  opportunities: [
    ["account_id", "accounts"],
    ["owner_id", "member"],
  ],
  activities: [
    ["owner_id", "member"],
    ["contact_id", "contacts"],
    ["account_id", "accounts"],
    ["opportunity_id", "opportunities"],
    ["lead_id", "leads"],
  ],
};

/** One pass over a table: each reference left-joined to where it must point, broken ones counted. */
function tableCheck(organizationId: string, table: string, references: readonly (readonly [string, string])[]) {
  const joins = references.map(([column, target], i) => {
    const alias = sql.raw(`t${i}`);
    const key = sql.raw(target === "member" ? "user_id" : "id");
    const from = sql.raw(target === "member" ? "core.memberships" : `core.${target}`);
    return sql` left join ${from} ${alias} on ${alias}.organization_id = ${organizationId} and ${alias}.${key} = r.${sql.raw(column)}`;
  });
  const counts = references.map(([column, target], i) => {
    const key = sql.raw(`t${i}.${target === "member" ? "user_id" : "id"}`);
    return sql`count(*) filter (where r.${sql.raw(column)} is not null and ${key} is null)::int as ${sql.raw(column)}`;
  });
  return sql`select ${sql.join(counts, sql`, `)} from core.${sql.raw(table)} r${sql.join(joins, sql``)}
    where r.organization_id = ${organizationId}`;
}

/**
 * Checks, one pass per table, that every reference of the organization's records points inside it
 * (stricter than the foreign keys, which only ask that the row exists somewhere). Run it after ANALYZE:
 * without statistics the planner probes indexes row by row instead of hashing. Returns what is broken.
 */
export async function verifyReferences(opened: OpenedDatabase, organizationId: string): Promise<string[]> {
  const broken: string[] = [];
  await Promise.all(
    Object.entries(REFERENCES).map(([table, references]) =>
      // Hash joins over millions of rows: give them memory so they do not spill to disk in batches.
      opened.db.transaction(async (tx) => {
        await tx.execute(sql`set local work_mem = '64MB'`);
        const [row] = await queryRows<Record<string, number | string>>(tx, tableCheck(organizationId, table, references));
        for (const [column, n] of Object.entries(row ?? {})) if (Number(n) > 0) broken.push(`${table}.${column}: ${n} rows`);
      }),
    ),
  );
  return broken.sort();
}
