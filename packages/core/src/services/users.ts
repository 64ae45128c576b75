import { hashPassword } from "better-auth/crypto";
import { and, asc, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { TenantContext } from "../domain/context.ts";
import { OpsdeckError, notFound } from "../domain/errors.ts";
import { ROLES, type Role } from "../domain/roles.ts";
import { authAccounts, memberships, sessions, teams, users } from "../schema/tables.ts";
import { recordAudit } from "./audit.ts";
import { emitEvent } from "./events.ts";
import { ensureTeam } from "./teams.ts";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Not a valid email address" }));

export const PASSWORD_MIN_LENGTH = 10;
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(256);

export const createMemberSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(120),
  role: z.enum(ROLES),
  password: passwordSchema.optional(),
  title: z.string().trim().max(120).optional(),
  team: z.string().trim().min(1).max(120).optional(),
  managerEmail: emailSchema.optional(),
  startDate: z.iso.date().optional(),
});
export type CreateMemberInput = z.input<typeof createMemberSchema>;

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  title: string | null;
  teamId: string | null;
  teamName: string | null;
  managerUserId: string | null;
  startDate: string | null;
  deactivatedAt: Date | null;
  createdAt: Date;
}

const memberColumns = {
  userId: users.id,
  email: users.email,
  name: users.name,
  role: memberships.role,
  title: memberships.title,
  teamId: memberships.teamId,
  teamName: teams.name,
  managerUserId: memberships.managerUserId,
  startDate: memberships.startDate,
  deactivatedAt: memberships.deactivatedAt,
  createdAt: memberships.createdAt,
};

/** Finds a member of the caller's organization by email (case-insensitive). */
export async function findMemberByEmail(ctx: TenantContext, email: string): Promise<Member | undefined> {
  const [row] = await ctx.db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(teams, eq(teams.id, memberships.teamId))
    .where(and(eq(memberships.organizationId, ctx.organizationId), eq(users.email, email.trim().toLowerCase())));
  return row;
}

/**
 * Adds a person to the organization: creates the user when the email is new (a user may belong to
 * several organizations), sets a password when one is given, and places them in a team under a manager.
 */
export async function createMember(ctx: TenantContext, input: CreateMemberInput): Promise<Member> {
  const parsed = createMemberSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    const scoped = { ...ctx, db: tx };
    let [user] = await tx.select().from(users).where(eq(users.email, parsed.email));
    if (!user) {
      [user] = await tx.insert(users).values({ email: parsed.email, name: parsed.name }).returning();
    }
    const userId = user!.id;
    const [already] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.organizationId, ctx.organizationId), eq(memberships.userId, userId)));
    if (already) throw new OpsdeckError("CONFLICT", `${parsed.email} is already a member of this organization.`);
    if (parsed.password) await setPassword(tx, userId, parsed.password);
    const teamId = parsed.team ? (await ensureTeam(scoped, parsed.team)).id : null;
    let managerUserId: string | null = null;
    if (parsed.managerEmail) {
      const manager = await findMemberByEmail(scoped, parsed.managerEmail);
      if (!manager) throw new OpsdeckError("BAD_REQUEST", `The manager ${parsed.managerEmail} is not a member.`);
      managerUserId = manager.userId;
    }
    await tx.insert(memberships).values({
      organizationId: ctx.organizationId,
      userId,
      role: parsed.role,
      title: parsed.title ?? null,
      teamId,
      managerUserId,
      startDate: parsed.startDate ?? null,
    });
    const member = (await findMemberByEmail(scoped, parsed.email))!;
    await recordAudit(scoped, { action: "member.created", entityType: "user", entityId: userId, after: member });
    await emitEvent(scoped, "user.created", { userId, email: parsed.email, role: parsed.role });
    return member;
  });
}

/** Stores a scrypt hash of the password as the user's credential (better-auth's format). */
export async function setPassword(db: TenantContext["db"], userId: string, password: string): Promise<void> {
  passwordSchema.parse(password);
  const hash = await hashPassword(password);
  const [existing] = await db
    .select({ id: authAccounts.id })
    .from(authAccounts)
    .where(and(eq(authAccounts.userId, userId), eq(authAccounts.providerId, "credential")));
  if (existing) {
    await db.update(authAccounts).set({ password: hash, updatedAt: new Date() }).where(eq(authAccounts.id, existing.id));
  } else {
    await db.insert(authAccounts).values({ userId, accountId: userId, providerId: "credential", password: hash });
  }
}

export interface ListMembersQuery {
  search?: string | undefined;
  roles?: Role[] | undefined;
  teamId?: string | undefined;
  includeDeactivated?: boolean | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export async function listMembers(ctx: TenantContext, query: ListMembersQuery = {}): Promise<Member[]> {
  const where: (SQL | undefined)[] = [eq(memberships.organizationId, ctx.organizationId)];
  if (!query.includeDeactivated) where.push(isNull(memberships.deactivatedAt));
  if (query.roles?.length) where.push(inArray(memberships.role, query.roles));
  if (query.teamId) where.push(eq(memberships.teamId, query.teamId));
  if (query.search) {
    const like = `%${query.search.replace(/[%_\\]/g, "\\$&")}%`;
    where.push(or(ilike(users.name, like), ilike(users.email, like)));
  }
  return ctx.db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(teams, eq(teams.id, memberships.teamId))
    .where(and(...where))
    .orderBy(asc(users.name))
    .limit(query.limit ?? 100)
    .offset(query.offset ?? 0);
}

export async function getMember(ctx: TenantContext, userId: string): Promise<Member> {
  const [row] = await ctx.db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(teams, eq(teams.id, memberships.teamId))
    .where(and(eq(memberships.organizationId, ctx.organizationId), eq(memberships.userId, userId)));
  if (!row) throw notFound("User");
  return row;
}

/** Changes a member's role. The last owner cannot be demoted. */
export async function changeMemberRole(ctx: TenantContext, userId: string, role: Role): Promise<Member> {
  return ctx.db.transaction(async (tx) => {
    const scoped = { ...ctx, db: tx };
    const before = await getMember(scoped, userId);
    if (before.role === role) return before;
    if (before.role === "owner") await assertAnotherOwner(scoped, userId);
    await tx
      .update(memberships)
      .set({ role, updatedAt: new Date() })
      .where(and(eq(memberships.organizationId, ctx.organizationId), eq(memberships.userId, userId)));
    const after = await getMember(scoped, userId);
    await recordAudit(scoped, { action: "member.role_changed", entityType: "user", entityId: userId, before, after });
    await emitEvent(scoped, "user.role_changed", { userId, from: before.role, to: role });
    return after;
  });
}

async function assertAnotherOwner(ctx: TenantContext, userId: string) {
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, ctx.organizationId),
        eq(memberships.role, "owner"),
        isNull(memberships.deactivatedAt),
        sql`${memberships.userId} <> ${userId}`,
      ),
    );
  if (!row || row.n === 0) throw new OpsdeckError("CONFLICT", "An organization needs at least one active owner.");
}

/** Deactivates a member: they keep their history but lose access, and their sessions end now. */
export async function deactivateMember(ctx: TenantContext, userId: string): Promise<Member> {
  return ctx.db.transaction(async (tx) => {
    const scoped = { ...ctx, db: tx };
    const before = await getMember(scoped, userId);
    if (before.deactivatedAt) return before;
    if (before.role === "owner") await assertAnotherOwner(scoped, userId);
    await tx
      .update(memberships)
      .set({ deactivatedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(memberships.organizationId, ctx.organizationId), eq(memberships.userId, userId)));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    const after = await getMember(scoped, userId);
    await recordAudit(scoped, { action: "member.deactivated", entityType: "user", entityId: userId, before, after });
    await emitEvent(scoped, "user.deactivated", { userId });
    return after;
  });
}

export async function reactivateMember(ctx: TenantContext, userId: string): Promise<Member> {
  return ctx.db.transaction(async (tx) => {
    const scoped = { ...ctx, db: tx };
    const before = await getMember(scoped, userId);
    await tx
      .update(memberships)
      .set({ deactivatedAt: null, updatedAt: new Date() })
      .where(and(eq(memberships.organizationId, ctx.organizationId), eq(memberships.userId, userId)));
    const after = await getMember(scoped, userId);
    await recordAudit(scoped, { action: "member.reactivated", entityType: "user", entityId: userId, before, after });
    return after;
  });
}
