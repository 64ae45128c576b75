import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@opsdeck/db";
import { systemContext, type TenantContext } from "../domain/context.ts";
import { OpsdeckError, notFound } from "../domain/errors.ts";
import { CURRENCY } from "../domain/money.ts";
import { organizations } from "../schema/tables.ts";
import { recordAudit } from "./audit.ts";
import { fiscalYearOf, generateFiscalPeriods } from "./fiscal.ts";

export type Organization = typeof organizations.$inferSelect;

const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "Unknown time zone");

export const organizationSettingsSchema = z.object({
  name: z.string().trim().min(1).max(120),
  currency: z.string().regex(CURRENCY, "Use a 3-letter ISO currency code, e.g. USD"),
  fiscalYearStartMonth: z.number().int().min(1).max(12),
  timeZone,
});
export type OrganizationSettings = z.infer<typeof organizationSettingsSchema>;

export const createOrganizationSchema = organizationSettingsSchema.partial().extend({
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,47}$/, "Use 2–48 lower-case letters, digits and dashes"),
  name: z.string().trim().min(1).max(120),
});
export type CreateOrganizationInput = z.input<typeof createOrganizationSchema>;

/** Creates an organization and its fiscal calendar (three years back, two ahead). */
export async function createOrganization(db: Database, input: CreateOrganizationInput): Promise<Organization> {
  const parsed = createOrganizationSchema.parse(input);
  const [existing] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, parsed.slug));
  if (existing) throw new OpsdeckError("CONFLICT", `An organization with the slug "${parsed.slug}" already exists.`);
  return db.transaction(async (tx) => {
    const [org] = await tx
      .insert(organizations)
      .values({
        slug: parsed.slug,
        name: parsed.name,
        currency: parsed.currency ?? "USD",
        fiscalYearStartMonth: parsed.fiscalYearStartMonth ?? 1,
        timeZone: parsed.timeZone ?? "UTC",
      })
      .returning();
    await rebuildCalendar(systemContext(tx, org!.id), org!.fiscalYearStartMonth);
    await recordAudit(systemContext(tx, org!.id), {
      action: "organization.created",
      entityType: "organization",
      entityId: org!.id,
      after: org,
    });
    return org!;
  });
}

async function rebuildCalendar(ctx: TenantContext, startMonth: number) {
  const current = fiscalYearOf(new Date().toISOString().slice(0, 10), startMonth);
  await generateFiscalPeriods(ctx, startMonth, current - 3, current + 2);
}

export async function listOrganizations(db: Database): Promise<Organization[]> {
  return db.select().from(organizations).orderBy(asc(organizations.slug));
}

export async function getOrganizationBySlug(db: Database, slug: string): Promise<Organization> {
  const [org] = await db.select().from(organizations).where(eq(organizations.slug, slug));
  if (!org) throw notFound(`Organization "${slug}"`);
  return org;
}

/** The caller's own organization. */
export async function getOrganization(ctx: TenantContext): Promise<Organization> {
  const [org] = await ctx.db.select().from(organizations).where(eq(organizations.id, ctx.organizationId));
  if (!org) throw notFound("Organization");
  return org;
}

/** Changes name, currency, fiscal year start or time zone; a new fiscal start rebuilds the calendar. */
export async function updateOrganizationSettings(
  ctx: TenantContext,
  patch: Partial<OrganizationSettings>,
): Promise<Organization> {
  const parsed = organizationSettingsSchema.partial().parse(patch);
  return ctx.db.transaction(async (tx) => {
    const scoped = { ...ctx, db: tx };
    const before = await getOrganization(scoped);
    const [after] = await tx
      .update(organizations)
      .set({ ...parsed, updatedAt: new Date() })
      .where(eq(organizations.id, ctx.organizationId))
      .returning();
    if (parsed.fiscalYearStartMonth && parsed.fiscalYearStartMonth !== before.fiscalYearStartMonth) {
      await rebuildCalendar(scoped, parsed.fiscalYearStartMonth);
    }
    await recordAudit(scoped, {
      action: "organization.settings_updated",
      entityType: "organization",
      entityId: ctx.organizationId,
      before,
      after,
    });
    return after!;
  });
}
