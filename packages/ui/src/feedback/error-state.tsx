import { AlertTriangle, RotateCw } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "../lib/cn.ts";
import { Button } from "../primitives/button.tsx";

export interface ErrorStateProps {
  title?: ReactNode;
  /** What went wrong, in words a user understands (never a stack trace). */
  message?: ReactNode;
  /** Shows a "Try again" button. */
  onRetry?: () => void;
  retrying?: boolean;
  className?: string;
  size?: "default" | "compact";
}

/** What a page, panel or table shows when loading failed, with a way to retry. */
export function ErrorState({
  title = "Something went wrong",
  message,
  onRetry,
  retrying = false,
  className,
  size = "default",
}: ErrorStateProps) {
  return (
    <div
      role="alert"
      className={cn(
        "flex flex-col items-center justify-center gap-3 text-center",
        size === "compact" ? "px-4 py-8" : "px-6 py-14",
        className,
      )}
    >
      <div
        aria-hidden="true"
        className="grid size-10 place-items-center rounded-lg border border-destructive/20 bg-destructive/10 text-destructive"
      >
        <AlertTriangle className="size-5" />
      </div>
      <div className="flex max-w-md flex-col gap-1">
        <p className="text-sm font-semibold text-foreground">{title}</p>
        {message ? <p className="text-sm break-words text-muted-foreground">{message}</p> : null}
      </div>
      {onRetry ? (
        <Button size="sm" onClick={onRetry} loading={retrying}>
          {retrying ? null : <RotateCw aria-hidden="true" />}
          Try again
        </Button>
      ) : null}
    </div>
  );
}
