import { hashPassword } from "better-auth/crypto";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type OpenedDatabase } from "@opsdeck/db";
import { systemContext } from "../domain/context.ts";
import { OpsdeckError } from "../domain/errors.ts";
import { organizations } from "../schema/tables.ts";
import { recordAudit } from "../services/audit.ts";
import { createOrganization, type Organization } from "../services/organizations.ts";
import { createCopier, verifyReferences } from "./copier.ts";
import { insertExchangeRates } from "./exchange-rates.ts";
import { IdFactory } from "./ids.ts";
import { insertPeople } from "./people-insert.ts";
import { planPeople } from "./people.ts";
import { seedRecords } from "./pipeline.ts";
import { Rng } from "./random.ts";
import { SCALES, SEED_SCALES, type SeedScale } from "./scales.ts";
import { GenState } from "./state.ts";
import { SeedClock, todayUtc } from "./time.ts";
import { loadNamePools } from "./vocabulary/names.ts";

/** Every seeded user signs in with this password (printed by the CLI, documented in docs/demo-data.md). */
export const DEMO_PASSWORD = "opsdeck-demo";

export const seedDemoOptionsSchema = z.object({
  scale: z.enum(SEED_SCALES),
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,47}$/, "Use 2–48 lower-case letters, digits and dashes")
    .default("acme"),
  name: z.string().trim().min(1).max(120).optional(),
  asOf: z.iso.date().optional(),
});

export type SeedStep = "organization" | "people" | "records" | "analyze" | "verify";
export interface SeedProgress {
  step: SeedStep;
  done: number;
  total: number;
}

export interface SeedDemoOptions {
  scale: SeedScale;
  slug?: string | undefined;
  name?: string | undefined;
  /** The day the demo is "as of" (YYYY-MM-DD, default today in UTC); every date is relative to it. */
  asOf?: string | undefined;
  onProgress?: ((progress: SeedProgress) => void) | undefined;
}

export interface SeedCounts {
  users: number;
  teams: number;
  accounts: number;
  contacts: number;
  leads: number;
  opportunities: number;
  activities: number;
  duplicates: number;
}

export interface SeedDemoResult {
  organizationId: string;
  slug: string;
  asOf: string;
  counts: SeedCounts;
  durationMs: number;
  signIn: { email: string; password: string };
  /** Where the time went (ms): each step, record generation, and COPY per table summed over parallel loads. */
  timings: Record<string, number>;
}

const RECORD_TABLES = ["accounts", "contacts", "leads", "opportunities", "activities"] as const;

const titleCase = (slug: string) =>
  slug
    .split("-")
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(" ");

/**
 * Builds a deterministic, realistic demo organization: people and teams, accounts, contacts, leads,
 * deals and activities over the two years before `asOf`, with planted duplicates recorded in
 * core.seed_duplicates. Same scale + slug + asOf give the same data. Refuses (CONFLICT) to seed an
 * organization that already has records; on failure, what it wrote is removed again.
 */
export async function seedDemo(opened: OpenedDatabase, options: SeedDemoOptions): Promise<SeedDemoResult> {
  const parsed = seedDemoOptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new OpsdeckError("BAD_REQUEST", "Invalid seed options.", {
      issues: parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })),
    });
  }
  const { scale, slug } = parsed.data;
  const asOf = parsed.data.asOf ?? todayUtc();
  const report = options.onProgress ?? (() => {});
  const started = performance.now();
  const timings: Record<string, number> = {};
  const lap = (name: string, since: number) => {
    timings[name] = Math.round(performance.now() - since);
    return performance.now();
  };
  const { db } = opened;

  report({ step: "organization", done: 0, total: 1 });
  let org = await findOrganization(opened, slug);
  const created = !org;
  if (org) await assertNoRecords(opened, org);
  else org = await createOrganization(db, { slug, name: parsed.data.name ?? titleCase(slug) });
  const organizationId = org.id;
  report({ step: "organization", done: 1, total: 1 });
  let t = lap("organization", started);

  try {
    const spec = SCALES[scale];
    const seed = `${slug}|${scale}`;
    const clock = new SeedClock(asOf);
    const ids = new IdFactory(seed);
    const pools = await loadNamePools();
    const plan = planPeople(spec, slug, clock, ids, pools, new Rng(`people|${seed}`));
    report({ step: "people", done: 0, total: plan.people.length });
    const people = await insertPeople(db, organizationId, plan, await hashPassword(DEMO_PASSWORD), clock);
    await insertExchangeRates(db, organizationId, org.currency, clock, seed);
    report({ step: "people", done: plan.people.length, total: plan.people.length });
    t = lap("people", t);

    const state = new GenState({ seed, ids, clock, organizationId, spec, pools, people: plan });
    const copier = await createCopier(opened);
    report({ step: "records", done: 0, total: spec.accounts });
    const records = await seedRecords(opened, state, copier, (done) => report({ step: "records", done, total: spec.accounts }));
    const counts: SeedCounts = { users: plan.people.length, teams: people.teams, ...records.counts };
    timings.generate = Math.round(records.generateMs);
    for (const [table, ms] of Object.entries(records.copyMs)) timings[`copy_${table}`] = Math.round(ms);
    t = lap("records", t);

    report({ step: "analyze", done: 0, total: 1 });
    await db.execute(sql.raw(`analyze ${[...RECORD_TABLES, "seed_duplicates", "memberships"].map((n) => `core.${n}`).join(", ")}`));
    report({ step: "analyze", done: 1, total: 1 });
    t = lap("analyze", t);
    if (copier.trusted) {
      report({ step: "verify", done: 0, total: 1 });
      const broken = await verifyReferences(opened, organizationId);
      if (broken.length) throw new Error(`The seeded data has broken references: ${broken.join("; ")}`);
      report({ step: "verify", done: 1, total: 1 });
    }
    await recordAudit(systemContext(db, organizationId), {
      action: "organization.seeded",
      entityType: "organization",
      entityId: organizationId,
      after: { scale, asOf, counts },
    });
    lap("verify", t);

    const owner = plan.owner;
    return {
      organizationId,
      slug,
      asOf,
      counts,
      durationMs: Math.round(performance.now() - started),
      signIn: { email: owner.email, password: DEMO_PASSWORD },
      timings,
    };
  } catch (err) {
    await removeSeeded(opened, organizationId, created).catch(() => {});
    throw err;
  }
}

async function findOrganization(opened: OpenedDatabase, slug: string): Promise<Organization | undefined> {
  const [org] = await opened.db.select().from(organizations).where(eq(organizations.slug, slug));
  return org;
}

async function assertNoRecords(opened: OpenedDatabase, org: Organization): Promise<void> {
  const checks = RECORD_TABLES.map(
    (table) => sql`(select ${sql.raw(`'${table}'::text`)} as entity from core.${sql.raw(table)} where organization_id = ${org.id} limit 1)`,
  );
  const rows = await queryRows<{ entity: string }>(opened.db, sql.join(checks, sql` union all `));
  if (rows.length) {
    throw new OpsdeckError(
      "CONFLICT",
      `The organization "${org.slug}" already has data (${rows.map((r) => r.entity).join(", ")}). ` +
        "Seed another slug (--org <slug>), or delete the organization first.",
    );
  }
}

/** Undoes a failed seed: the whole organization when the seed created it, else the records it wrote. */
async function removeSeeded(opened: OpenedDatabase, organizationId: string, created: boolean): Promise<void> {
  if (created) {
    await opened.db.delete(organizations).where(eq(organizations.id, organizationId));
    return;
  }
  for (const table of ["seed_duplicates", "activities", "opportunities", "leads", "contacts", "accounts", "exchange_rates"]) {
    await opened.db.execute(sql`delete from core.${sql.raw(table)} where organization_id = ${organizationId}`);
  }
}
