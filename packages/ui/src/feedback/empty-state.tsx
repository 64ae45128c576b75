import type { ReactNode } from "react";
import { cn } from "../lib/cn.ts";

export interface EmptyStateProps {
  /** A lucide icon element, e.g. `<Inbox />`. */
  icon?: ReactNode;
  title: ReactNode;
  text?: ReactNode;
  /** Usually a Button that creates the first item or clears filters. */
  action?: ReactNode;
  className?: string;
  /** `compact` for inside cards and table bodies. */
  size?: "default" | "compact";
}

/** What a list, table or chart shows when there is nothing yet: why, and what to do next. */
export function EmptyState({ icon, title, text, action, className, size = "default" }: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center justify-center text-center",
        size === "compact" ? "gap-2 px-4 py-8" : "gap-3 px-6 py-14",
        className,
      )}
    >
      {icon ? (
        <div
          aria-hidden="true"
          className="grid size-10 place-items-center rounded-lg border border-border bg-muted text-muted-foreground [&_svg]:size-5"
        >
          {icon}
        </div>
      ) : null}
      <div className="flex max-w-sm flex-col gap-1">
        <p className="text-sm font-semibold text-foreground">{title}</p>
        {text ? <p className="text-sm text-muted-foreground">{text}</p> : null}
      </div>
      {action ? <div className="mt-1 flex gap-2">{action}</div> : null}
    </div>
  );
}
