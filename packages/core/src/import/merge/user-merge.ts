import { sql } from "drizzle-orm";
import type { Database } from "@opsdeck/db";
import { OpsdeckError } from "../../domain/errors.ts";
import type { ResolvedMapping } from "../mapping.ts";
import type { StagedRow } from "../row-parser.ts";
import type { SqlRowError, Staging } from "../staging.ts";
import {
  firstRow,
  noCounts,
  parseJsonColumn,
  withParams,
  type BatchOutcome,
  type EntityImporter,
  type MergeCounts,
  type MergeParams,
} from "./importer.ts";
import { lookup } from "./record-sql.ts";

const membershipColumns = [
  { column: "role", field: "role", value: "s.role" },
  { column: "team_id", field: "team", value: "tm.id" },
  { column: "manager_user_id", field: "manager_email", value: "mu.id" },
  { column: "title", field: "title", value: "s.title" },
  { column: "start_date", field: "start_date", value: "s.start_date" },
] as const;

interface MembershipResult {
  rows: number;
  created: string[];
  updated: string[];
}

/**
 * Imports people, keyed by email: creates the user when the email is new, and their membership of the
 * organization (role, team — created when missing —, manager, title, start date). A manager may be a
 * member already or a row anywhere in the same file.
 */
export class UserImporter implements EntityImporter {
  private readonly db: Database;
  private readonly mapping: ResolvedMapping;
  private readonly staging: Staging;
  private readonly params: MergeParams;
  /** Teams the import created, for the summary. */
  teamsCreated = 0;

  constructor(db: Database, mapping: ResolvedMapping, staging: Staging, params: MergeParams) {
    this.db = db;
    this.mapping = mapping;
    this.staging = staging;
    this.params = params;
  }

  private has(field: string) {
    return this.mapping.mapped.has(field);
  }

  private q(text: string) {
    return withParams(text, this.params);
  }

  // ORDER BY: the (organization, user) unique index, not (organization, team) — see byExternalId.
  private readonly isMember = `(select mm.id from core.users mx join core.memberships mm on mm.user_id = mx.id
    where mx.email = s.manager_email and mm.organization_id = :org order by mm.organization_id, mm.user_id limit 1) is not null`;

  async prepare(): Promise<void> {
    await this.staging.create(this.db, { stage: true, deferred: this.has("manager_email") });
  }

  async load(rows: readonly StagedRow[]): Promise<void> {
    await this.staging.load(this.db, rows);
  }

  /** A manager who is not a member yet may come later in the file: the row waits for the end. */
  private async deferForwardReferences(): Promise<void> {
    if (!this.has("manager_email")) return;
    await this.staging.defer(this.db, this.q(`s.manager_email is not null and not ${this.isMember}`));
  }

  async process(write: boolean): Promise<BatchOutcome> {
    // Users files are small: checking in a separate statement costs nothing worth folding.
    const errors = await this.staging.check(this.db, [this.staging.duplicateCheck()], true);
    await this.deferForwardReferences();
    let counts = noCounts();
    if (write) {
      const renamed = await this.upsertUsers(this.staging.stageName, false);
      await this.ensureTeams(this.staging.stageName);
      const result = await this.upsertMemberships(this.staging.stageName, { insertOnly: false });
      const created = new Set(result.created);
      const updated = new Set([...result.updated, ...renamed.filter((e) => !created.has(e))]);
      counts = { rows: result.rows, created: created.size, updated: updated.size };
    }
    await this.staging.clear(this.db);
    return { counts, errors };
  }

  async finish(write: boolean): Promise<BatchOutcome> {
    let errors: SqlRowError[] = [];
    let counts = noCounts();
    if (this.has("manager_email")) {
      errors = await this.staging.dropUnresolvedDeferred(this.db, {
        field: "manager_email",
        resolves: this.q(this.isMember),
        message: "no member of the organization or row of the file with this email",
        writing: write,
      });
      if (write) counts = await this.mergeDeferred();
    }
    if (write) await this.assertOwnerLeft();
    return { errors, counts };
  }

  /** Rows that waited for their manager: memberships first without managers, then the full merge. */
  private async mergeDeferred(): Promise<MergeCounts> {
    const source = this.staging.deferredName;
    await this.upsertUsers(source, true);
    await this.ensureTeams(source);
    const first = await this.upsertMemberships(source, { insertOnly: true });
    await this.db.execute(
      sql`update ${this.staging.deferred} set is_new = true
        where email in (select value from json_array_elements_text(${JSON.stringify(first.created)}::json))`,
    );
    const renamed = await this.upsertUsers(source, false);
    const second = await this.upsertMemberships(source, { insertOnly: false });
    const created = new Set(first.created);
    const updated = new Set([...second.updated, ...renamed].filter((e) => !created.has(e)));
    return { rows: second.rows, created: created.size, updated: updated.size };
  }

  /** Creates new users; renames existing ones when the file says so and they belong to no other organization. */
  private async upsertUsers(source: string, insertOnly: boolean): Promise<string[]> {
    const rename = this.has("name") && !insertOnly;
    const row = await firstRow<{ renamed: string[] | string }>(
      this.db,
      this.q(`with src as (
          select s.email, coalesce(s.name, u.name, split_part(s.email, '@', 1)) as name
          from ${source} s ${lookup("select u.name from core.users u where u.email = s.email", "u")}
        ),
        up as (
          insert into core.users as t (email, name) select email, name from src
          ${
            rename
              ? `on conflict (email) do update set name = excluded.name, updated_at = now()
                 where t.name is distinct from excluded.name and not exists (
                   select 1 from core.memberships o where o.user_id = t.id and o.organization_id <> :org)`
              : "on conflict (email) do nothing"
          }
          returning t.email, (t.xmax = 0) as inserted
        )
        select coalesce(json_agg(email) filter (where not inserted), '[]'::json) as renamed from up`),
    );
    return parseJsonColumn(row.renamed);
  }

  private async ensureTeams(source: string): Promise<void> {
    if (!this.has("team")) return;
    const row = await firstRow<{ n: number }>(
      this.db,
      this.q(`with created as (
          insert into core.teams (organization_id, name)
          select distinct :org, s.team from ${source} s where s.team is not null
          on conflict (organization_id, name) do nothing returning 1
        ) select count(*)::int as n from created`),
    );
    this.teamsCreated += Number(row.n);
  }

  private async upsertMemberships(source: string, options: { insertOnly: boolean }): Promise<MembershipResult> {
    const columns = membershipColumns.filter(
      (c) => this.has(c.field) && !(options.insertOnly && c.column === "manager_user_id"),
    );
    const names = columns.map((c) => c.column);
    const conflict = options.insertOnly
      ? "do nothing"
      : `do update set ${[...names.map((c) => `${c} = excluded.${c}`), "updated_at = now()"].join(", ")}
         where (${names.map((c) => `t.${c}`).join(", ")}) is distinct from (${names.map((c) => `excluded.${c}`).join(", ")})`;
    const row = await firstRow<{ rows: number; created: string[] | string; updated: string[] | string }>(
      this.db,
      this.q(`with src as (
          select u.id as user_id${columns.map((c) => `, ${c.value} as ${c.column}`).join("")}
          from ${source} s
          ${lookup("select u.id from core.users u where u.email = s.email", "u")}
          ${lookup("select tm.id from core.teams tm where tm.organization_id = :org and tm.name = s.team", "tm")}
          ${lookup("select mu.id from core.users mu where mu.email = s.manager_email", "mu")}
        ),
        m as (
          insert into core.memberships as t (organization_id, user_id${names.map((c) => `, ${c}`).join("")})
          select :org, user_id${names.map((c) => `, ${c}`).join("")} from src where user_id is not null
          on conflict (organization_id, user_id) ${conflict}
          returning t.user_id, (t.xmax = 0) as inserted
        )
        select (select count(*) from src)::int as rows,
          coalesce(json_agg(m.email) filter (where m.inserted), '[]'::json) as created,
          coalesce(json_agg(m.email) filter (where not m.inserted), '[]'::json) as updated
        from (select (select u.email from core.users u where u.id = m.user_id) as email, m.inserted from m) m`),
    );
    return { rows: Number(row.rows), created: parseJsonColumn(row.created), updated: parseJsonColumn(row.updated) };
  }

  private async assertOwnerLeft(): Promise<void> {
    const row = await firstRow<{ n: number }>(
      this.db,
      this.q(`select count(*)::int as n from core.memberships
        where organization_id = :org and role = 'owner' and deactivated_at is null`),
    );
    if (Number(row.n) === 0) {
      throw new OpsdeckError("CONFLICT", "The import would leave the organization without an active owner.");
    }
  }
}
