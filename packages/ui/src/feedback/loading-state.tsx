import { cn } from "../lib/cn.ts";
import { Spinner } from "../primitives/spinner.tsx";

export interface LoadingStateProps {
  /** Said to screen readers and shown under the spinner. */
  label?: string;
  className?: string;
  size?: "default" | "compact";
}

/** A centred spinner with a label, for a page or panel whose shape is not known yet (else use Skeleton). */
export function LoadingState({ label = "Loading…", className, size = "default" }: LoadingStateProps) {
  return (
    <div
      role="status"
      aria-live="polite"
      className={cn(
        "flex flex-col items-center justify-center gap-2 text-sm text-muted-foreground",
        size === "compact" ? "py-8" : "py-14",
        className,
      )}
    >
      <Spinner className="size-5" />
      <span>{label}</span>
    </div>
  );
}
