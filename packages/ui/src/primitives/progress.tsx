import * as ProgressPrimitive from "@radix-ui/react-progress";
import { cn } from "../lib/cn.ts";

export interface ProgressProps {
  /** 0–max; leave undefined (or null) for an indeterminate bar (work of unknown length). */
  value?: number | null;
  max?: number;
  /** The accessible name, e.g. "Import progress". */
  label?: string;
  tone?: "accent" | "success" | "warning" | "danger";
  size?: "sm" | "md";
  className?: string;
}

const TONES = { accent: "bg-primary", success: "bg-success", warning: "bg-warning", danger: "bg-destructive" } as const;

/** A progress bar, determinate or indeterminate. */
export function Progress({ value, max = 100, label, tone = "accent", size = "md", className }: ProgressProps) {
  const determinate = typeof value === "number";
  const clamped = determinate ? Math.min(Math.max(value, 0), max) : null;
  return (
    <ProgressPrimitive.Root
      value={clamped}
      max={max}
      aria-label={label}
      className={cn("relative w-full overflow-hidden rounded-full bg-muted", size === "sm" ? "h-1" : "h-2", className)}
    >
      <ProgressPrimitive.Indicator
        className={cn(
          "h-full rounded-full transition-[width] duration-300",
          TONES[tone],
          determinate ? "" : "w-2/5 animate-indeterminate",
        )}
        style={determinate && clamped !== null ? { width: `${(clamped / max) * 100}%` } : undefined}
      />
    </ProgressPrimitive.Root>
  );
}
