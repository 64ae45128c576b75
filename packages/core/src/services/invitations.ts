import { createHash, randomBytes } from "node:crypto";
import type { Database } from "@opsdeck/db";
import { verifyPassword } from "better-auth/crypto";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { systemContext, type TenantContext } from "../domain/context.ts";
import { badRequest, notFound, OpsdeckError } from "../domain/errors.ts";
import { ROLES, type Role } from "../domain/roles.ts";
import { authAccounts, invitations, mailOutbox, memberships, organizations, users } from "../schema/tables.ts";
import { recordAudit } from "./audit.ts";
import { createMember, emailSchema, passwordSchema, setPassword } from "./users.ts";

/** How long an invitation link works. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const createInvitationSchema = z.object({ email: emailSchema, role: z.enum(ROLES) });
export type CreateInvitationInput = z.input<typeof createInvitationSchema>;

export const acceptInvitationSchema = z.object({
  token: z.string().min(16).max(200),
  name: z.string().trim().min(1).max(120),
  password: passwordSchema,
});
export type AcceptInvitationInput = z.input<typeof acceptInvitationSchema>;

export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

/** An invitation as admins see it (never the token or its hash). */
export interface Invitation {
  id: string;
  email: string;
  role: Role;
  status: InvitationStatus;
  invitedByUserId: string | null;
  expiresAt: Date;
  acceptedAt: Date | null;
  createdAt: Date;
}

/** Tokens are stored as their SHA-256: a copy of the table lets no one join. */
export const hashInvitationToken = (token: string) => createHash("sha256").update(token).digest("hex");

function shown(row: typeof invitations.$inferSelect, now = Date.now()): Invitation {
  const status = row.status === "pending" && row.expiresAt.getTime() <= now ? "expired" : row.status;
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    status,
    invitedByUserId: row.invitedByUserId,
    expiresAt: row.expiresAt,
    acceptedAt: row.acceptedAt,
    createdAt: row.createdAt,
  };
}

/**
 * Invites someone by email: stores the SHA-256 of a one-time token, queues the mail with the link and
 * returns the token once. A pending invitation to the same email is replaced. Only an owner invites owners.
 */
export async function createInvitation(
  ctx: TenantContext,
  input: CreateInvitationInput,
  options: { acceptUrl: (token: string) => string },
): Promise<{ invitation: Invitation; token: string; link: string }> {
  const parsed = createInvitationSchema.parse(input);
  if (parsed.role === "owner" && ctx.role !== undefined && ctx.role !== "owner") {
    throw new OpsdeckError("FORBIDDEN", "Only an owner can invite another owner.");
  }
  return ctx.db.transaction(async (tx) => {
    const scoped = { ...ctx, db: tx };
    const [member] = await tx
      .select({ deactivatedAt: memberships.deactivatedAt })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, ctx.organizationId), eq(users.email, parsed.email)));
    if (member && !member.deactivatedAt) throw new OpsdeckError("CONFLICT", `${parsed.email} is already a member.`);
    await tx
      .update(invitations)
      .set({ status: "revoked" })
      .where(
        and(eq(invitations.organizationId, ctx.organizationId), eq(invitations.email, parsed.email), eq(invitations.status, "pending")),
      );
    const token = randomBytes(32).toString("base64url");
    const [row] = await tx
      .insert(invitations)
      .values({
        organizationId: ctx.organizationId,
        email: parsed.email,
        role: parsed.role,
        tokenHash: hashInvitationToken(token),
        invitedByUserId: ctx.actorUserId,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      })
      .returning();
    const [org] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, ctx.organizationId));
    const link = options.acceptUrl(token);
    await tx.insert(mailOutbox).values({
      organizationId: ctx.organizationId,
      to: parsed.email,
      subject: `You are invited to ${org?.name ?? "an organization"} on Opsdeck`,
      text: `You have been invited to join ${org?.name ?? "an organization"} on Opsdeck as ${parsed.role}.\n\nOpen this link to accept (it works once, for 7 days):\n${link}\n`,
    });
    const invitation = shown(row!);
    await recordAudit(scoped, { action: "invitation.created", entityType: "invitation", entityId: row!.id, after: invitation });
    return { invitation, token, link };
  });
}

/** The organization's invitations, newest first. */
export async function listInvitations(ctx: TenantContext, query: { status?: InvitationStatus | undefined } = {}): Promise<Invitation[]> {
  const rows = await ctx.db
    .select()
    .from(invitations)
    .where(eq(invitations.organizationId, ctx.organizationId))
    .orderBy(desc(invitations.createdAt))
    .limit(500);
  const all = rows.map((r) => shown(r));
  return query.status ? all.filter((i) => i.status === query.status) : all;
}

/** Stops a pending invitation's link from working. */
export async function revokeInvitation(ctx: TenantContext, invitationId: string): Promise<Invitation> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.organizationId, ctx.organizationId), eq(invitations.id, invitationId)));
    if (!row) throw notFound("Invitation");
    const before = shown(row);
    if (before.status !== "pending") throw new OpsdeckError("CONFLICT", `The invitation is already ${before.status}.`);
    const [updated] = await tx.update(invitations).set({ status: "revoked" }).where(eq(invitations.id, row.id)).returning();
    const after = shown(updated!);
    await recordAudit({ ...ctx, db: tx }, { action: "invitation.revoked", entityType: "invitation", entityId: row.id, before, after });
    return after;
  });
}

export interface AcceptedInvitation {
  userId: string;
  email: string;
  role: Role;
  organization: { id: string; slug: string; name: string };
}

/**
 * Redeems an invitation link: creates the user (or, for an existing user, checks their password), makes
 * them a member with the invited role and marks the invitation used. Expired, revoked and used links
 * say so.
 */
export async function acceptInvitation(db: Database, input: AcceptInvitationInput): Promise<AcceptedInvitation> {
  const parsed = acceptInvitationSchema.parse(input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, hashInvitationToken(parsed.token)))
      .for("update");
    if (!row) throw new OpsdeckError("NOT_FOUND", "This invitation link is not valid.");
    const status = shown(row).status;
    if (status === "accepted") throw new OpsdeckError("CONFLICT", "This invitation was already used. Sign in instead.");
    if (status === "revoked") throw new OpsdeckError("PRECONDITION_FAILED", "This invitation was revoked. Ask for a new one.");
    if (status === "expired") throw new OpsdeckError("PRECONDITION_FAILED", "This invitation has expired. Ask for a new one.");
    const system = systemContext(tx, row.organizationId);
    const userId = await joinOrganization(system, row, parsed);
    await tx.update(invitations).set({ status: "accepted", acceptedAt: new Date() }).where(eq(invitations.id, row.id));
    await recordAudit(
      { ...system, actorUserId: userId },
      { action: "invitation.accepted", entityType: "invitation", entityId: row.id, after: { userId, email: row.email, role: row.role } },
    );
    const [org] = await tx
      .select({ id: organizations.id, slug: organizations.slug, name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, row.organizationId));
    return { userId, email: row.email, role: row.role, organization: org! };
  });
}

async function joinOrganization(
  system: TenantContext,
  invitation: typeof invitations.$inferSelect,
  input: z.output<typeof acceptInvitationSchema>,
): Promise<string> {
  const tx = system.db;
  const [user] = await tx.select().from(users).where(eq(users.email, invitation.email));
  if (!user) {
    const member = await createMember(
      { ...system, actorUserId: invitation.invitedByUserId },
      { email: invitation.email, name: input.name, role: invitation.role, password: input.password },
    );
    return member.userId;
  }
  const [credential] = await tx
    .select({ hash: authAccounts.password })
    .from(authAccounts)
    .where(and(eq(authAccounts.userId, user.id), eq(authAccounts.providerId, "credential")));
  if (credential?.hash) {
    // The link proves the email, not the person holding an existing account: ask for its password.
    if (!(await verifyPassword({ hash: credential.hash, password: input.password }))) {
      throw badRequest("This email already has an Opsdeck account: enter its password to join.", [
        { path: ["password"], message: "Enter the password of your existing account" },
      ]);
    }
  } else {
    await setPassword(tx, user.id, input.password);
  }
  const [membership] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.organizationId, invitation.organizationId), eq(memberships.userId, user.id)));
  if (membership && !membership.deactivatedAt) throw new OpsdeckError("CONFLICT", "You are already a member of this organization.");
  if (membership) {
    await tx
      .update(memberships)
      .set({ role: invitation.role, deactivatedAt: null, updatedAt: new Date() })
      .where(eq(memberships.id, membership.id));
    await recordAudit(
      { ...system, actorUserId: user.id },
      { action: "member.reactivated", entityType: "user", entityId: user.id, after: { role: invitation.role } },
    );
    return user.id;
  }
  const member = await createMember(
    { ...system, actorUserId: invitation.invitedByUserId },
    { email: invitation.email, name: user.name, role: invitation.role },
  );
  return member.userId;
}
