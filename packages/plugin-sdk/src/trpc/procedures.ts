import { OpsdeckError, type Role, type TenantContext } from "@opsdeck/core";
import { getTRPCErrorFromUnknown, type TRPCError } from "@trpc/server";
import type { OrganizationInfo, PluginContext, SessionUser } from "../context/types.ts";
import { toClientError } from "./errors.ts";
import { t } from "./init.ts";
import { ACCESS_MARK, type ProcedureAccess } from "./meta.ts";

/** Throws unless the caller may run a procedure with this access; a disabled plugin refuses everyone. */
function enforce(ctx: PluginContext, access: ProcedureAccess): void {
  if (!ctx.enabled) {
    throw new OpsdeckError("PLUGIN_DISABLED", `The plugin "${ctx.pluginId}" is disabled for this organization.`);
  }
  if (access.kind === "public") return;
  if (!ctx.session) throw new OpsdeckError("UNAUTHORIZED", "Sign in to do this.");
  if (access.kind === "authenticated") return;
  if (!ctx.organization || !ctx.tenant || !ctx.role) {
    throw new OpsdeckError("FORBIDDEN", "You are not an active member of an organization.");
  }
  if (!ctx.permissions.has(access.permission)) {
    throw new OpsdeckError("FORBIDDEN", `You do not have the permission "${access.permission}".`);
  }
}

function mapped(error: TRPCError, ctx: PluginContext, path: string): TRPCError {
  return toClientError(error, { requestId: ctx.requestId, logger: ctx.logger, path, pluginId: ctx.pluginId });
}

/**
 * The one middleware of every procedure: enablement, the access check, the call, and whatever goes wrong
 * mapped once into what the client may see. One middleware, not a chain, because tRPC copies the call
 * options for each middleware and this runs on every request.
 */
function guard<TNarrowed extends object>(access: ProcedureAccess) {
  const builder = t.middleware(async ({ ctx, next, path }) => {
    try {
      enforce(ctx, access);
    } catch (err) {
      throw mapped(getTRPCErrorFromUnknown(err), ctx, path);
    }
    // `enforce` checked the values are in ctx: narrow its type without tRPC copying the context.
    const result = await next<TNarrowed>({});
    if (result.ok) return result;
    throw mapped(result.error, ctx, path);
  });
  for (const fn of builder._middlewares) (fn as unknown as Record<symbol, unknown>)[ACCESS_MARK] = access;
  return builder;
}

type Member = { session: SessionUser; organization: OrganizationInfo; role: Role; tenant: TenantContext };

const PUBLIC: ProcedureAccess = { kind: "public" };
const AUTHENTICATED: ProcedureAccess = { kind: "authenticated" };
const publicBase = t.procedure.meta({ access: PUBLIC }).use(guard<Record<never, never>>(PUBLIC));
const authenticatedBase = t.procedure.meta({ access: AUTHENTICATED }).use(guard<{ session: SessionUser }>(AUTHENTICATED));

/**
 * The only way to start a procedure. Each builder records what the procedure requires in its meta, and
 * the host refuses to load a plugin with a procedure that did not start here.
 */
export const procedure = {
  /** Callable by a signed-in member of the organization who holds `permission`; FORBIDDEN otherwise. */
  permission(permission: string) {
    const access: ProcedureAccess = { kind: "permission", permission };
    return t.procedure.meta({ access }).use(guard<Member>(access));
  },
  /**
   * Callable by anyone signed in, in an organization or not. For what concerns the person rather than an
   * organization: who am I, which organizations do I belong to.
   */
  authenticated() {
    return authenticatedBase;
  },
  /** Callable without signing in (accepting an invitation, a health probe). Say so explicitly. */
  public() {
    return publicBase;
  },
};

/** Builds a router from procedures and nested routers. */
export const router = t.router;

/** Combines routers into one (their procedures side by side). */
export const mergeRouters = t.mergeRouters;

/** A middleware for a plugin's own procedures (after the access check), e.g. to load a shared record. */
export const middleware = t.middleware;

/** Makes server-side callers of a router, with a context (`createCaller(ctx)`). */
export const createCallerFactory = t.createCallerFactory;
