import type { ReactNode } from "react";
import { cn } from "../lib/cn.ts";

export interface TopbarProps {
  /** Left: breadcrumbs, the org switcher, a page title. */
  start?: ReactNode;
  /** Middle: the search / command palette trigger. */
  center?: ReactNode;
  /** Right: notifications, theme toggle, user menu. */
  end?: ReactNode;
  className?: string;
}

/** The bar above the page with three slots. */
export function Topbar({ start, center, end, className }: TopbarProps) {
  return (
    <header
      className={cn(
        "flex h-12 shrink-0 items-center gap-3 border-b border-border bg-background px-4",
        className,
      )}
    >
      <div className="flex min-w-0 flex-1 items-center gap-2">{start}</div>
      {center ? <div className="hidden w-full max-w-sm justify-center md:flex">{center}</div> : null}
      <div className="flex flex-1 items-center justify-end gap-1">{end}</div>
    </header>
  );
}
