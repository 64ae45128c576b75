import { cn } from "../lib/cn.ts";
import { Badge, type BadgeTone } from "../primitives/badge.tsx";

interface StatusLook {
  tone: BadgeTone;
  label: string;
  /** A pulsing dot for states that are still moving. */
  live?: boolean;
}

// Job states (core jobs, pg-boss), plugin health and common record states.
const KNOWN: Record<string, StatusLook> = {
  queued: { tone: "neutral", label: "Queued" },
  created: { tone: "neutral", label: "Queued" },
  pending: { tone: "neutral", label: "Pending" },
  running: { tone: "info", label: "Running", live: true },
  active: { tone: "info", label: "Active", live: true },
  retry: { tone: "warning", label: "Retrying", live: true },
  retrying: { tone: "warning", label: "Retrying", live: true },
  succeeded: { tone: "success", label: "Succeeded" },
  completed: { tone: "success", label: "Completed" },
  done: { tone: "success", label: "Done" },
  failed: { tone: "danger", label: "Failed" },
  cancelled: { tone: "neutral", label: "Cancelled" },
  canceled: { tone: "neutral", label: "Cancelled" },
  healthy: { tone: "success", label: "Healthy" },
  degraded: { tone: "warning", label: "Degraded" },
  unhealthy: { tone: "danger", label: "Unhealthy" },
  enabled: { tone: "success", label: "Enabled" },
  disabled: { tone: "neutral", label: "Disabled" },
  draft: { tone: "neutral", label: "Draft" },
  published: { tone: "success", label: "Published" },
  archived: { tone: "neutral", label: "Archived" },
};

const DOT: Record<BadgeTone, string> = {
  neutral: "bg-muted-foreground",
  accent: "bg-primary",
  success: "bg-success",
  warning: "bg-warning",
  danger: "bg-destructive",
  info: "bg-info",
  outline: "bg-foreground",
};

/** The tone and label StatusBadge uses for a status (unknown ones are neutral, labelled as given). */
export function statusLook(status: string): StatusLook {
  const known = KNOWN[status.toLowerCase()];
  if (known) return known;
  const words = status.replace(/[_-]+/g, " ").trim();
  return { tone: "neutral", label: words.charAt(0).toUpperCase() + words.slice(1) };
}

export interface StatusBadgeProps {
  /** A job state (queued, running, succeeded, failed, cancelled…), a health (healthy, degraded, unhealthy) or any. */
  status: string;
  /** Overrides the label (e.g. "Failed · 3 retries"). */
  label?: string;
  tone?: BadgeTone;
  className?: string;
}

/** A coloured dot and label for a job status or a plugin's health. */
export function StatusBadge({ status, label, tone, className }: StatusBadgeProps) {
  const look = statusLook(status);
  const finalTone = tone ?? look.tone;
  return (
    <Badge tone={finalTone} className={cn("gap-1.5", className)} data-status={status}>
      <span className="relative flex size-1.5" aria-hidden="true">
        {look.live ? (
          <span className={cn("absolute inline-flex size-full animate-ping rounded-full opacity-60", DOT[finalTone])} />
        ) : null}
        <span className={cn("relative inline-flex size-1.5 rounded-full", DOT[finalTone])} />
      </span>
      {label ?? look.label}
    </Badge>
  );
}
