import type { ReactNode } from "react";
import { usePermissions } from "./hooks.ts";

export interface CanProps {
  /** One permission, or a list of which any one suffices. */
  permission: string | readonly string[];
  children: ReactNode;
  /** Rendered instead when the user lacks it (nothing by default). */
  fallback?: ReactNode;
}

/** Renders its children only for users holding the permission. */
export function Can({ permission, children, fallback = null }: CanProps) {
  const { hasAny } = usePermissions();
  return <>{hasAny(typeof permission === "string" ? [permission] : permission) ? children : fallback}</>;
}
