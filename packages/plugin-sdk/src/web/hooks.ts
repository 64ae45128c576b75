import { useMemo } from "react";
import { useShell, type CurrentOrganization, type CurrentUser } from "./shell-context.ts";

/** The signed-in person. */
export function useCurrentUser(): CurrentUser {
  return useShell().user;
}

/** The organization the user is acting in (currency, time zone and fiscal year included). */
export function useOrganization(): CurrentOrganization {
  return useShell().organization;
}

export interface Permissions {
  role: string;
  /** Every permission the user holds in the organization. */
  all: ReadonlySet<string>;
  has: (permission: string) => boolean;
  /** True when the user holds at least one of them. */
  hasAny: (permissions: readonly string[]) => boolean;
}

/** What the user may do. Hiding a button is a courtesy: the server checks every call. */
export function usePermissions(): Permissions {
  const { role, permissions } = useShell();
  return useMemo(
    () => ({
      role,
      all: permissions,
      has: (permission: string) => permissions.has(permission),
      hasAny: (list: readonly string[]) => list.some((p) => permissions.has(p)),
    }),
    [role, permissions],
  );
}
