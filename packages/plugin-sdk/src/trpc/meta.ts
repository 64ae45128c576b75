/** What a procedure requires of its caller; every procedure declares one (the host refuses it otherwise). */
export type ProcedureAccess =
  | { readonly kind: "permission"; readonly permission: string }
  | { readonly kind: "authenticated" }
  | { readonly kind: "public" };

/** The tRPC meta of every Opsdeck procedure. */
export interface ProcedureMeta {
  access?: ProcedureAccess;
  /** Shown in the API reference and the permission matrix. */
  description?: string;
}

/** Marks the middleware that enforces an access declaration, so the host can check meta and enforcement agree. */
export const ACCESS_MARK: unique symbol = Symbol.for("opsdeck.procedure-access") as never;

/** Two declarations require the same thing. */
export function sameAccess(a: ProcedureAccess | undefined, b: ProcedureAccess | undefined): boolean {
  if (!a || !b || a.kind !== b.kind) return false;
  return a.kind !== "permission" || a.permission === (b as { permission: string }).permission;
}

/** How a declaration reads in messages and the API reference. */
export function describeAccess(access: ProcedureAccess): string {
  return access.kind === "permission" ? `permission ${access.permission}` : access.kind;
}
