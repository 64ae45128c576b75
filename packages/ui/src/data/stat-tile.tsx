import { ArrowDownRight, ArrowRight, ArrowUpRight, ChevronRight } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "../lib/cn.ts";
import { formatPercent } from "../lib/format/format-number.ts";
import { Skeleton } from "../primitives/skeleton.tsx";
import { Sparkline } from "./sparkline.tsx";

export interface StatDelta {
  /** The change as a ratio vs the previous period (0.124 = +12.4%); its sign picks the arrow. */
  value: number;
  /** A preformatted label (e.g. "+$12,400.00"); default: the ratio as a signed percentage. */
  label?: string;
  /** What it is compared with, e.g. "vs last quarter". */
  comparison?: string;
  /** False when going up is bad (churn, cycle time): up turns red, down green. */
  positiveIsGood?: boolean;
}

export interface StatTileProps {
  label: string;
  /** The value, already formatted (formatMoney / formatNumber): a tile never does float maths on money. */
  value: ReactNode;
  delta?: StatDelta;
  /** Values for a small trend line under the number. */
  sparkline?: readonly number[];
  icon?: ReactNode;
  loading?: boolean;
  /** Drill-down: the tile becomes a button. */
  onClick?: () => void;
  className?: string;
}

function deltaTone(delta: StatDelta): "up-good" | "up-bad" | "flat" {
  if (delta.value === 0) return "flat";
  const good = (delta.value > 0) === (delta.positiveIsGood ?? true);
  return good ? "up-good" : "up-bad";
}

/** A KPI tile: label, big value, delta vs the previous period in green or red, optional sparkline. */
export function StatTile({ label, value, delta, sparkline, icon, loading = false, onClick, className }: StatTileProps) {
  const classes = cn(
    "group flex min-w-0 flex-col gap-2 rounded-lg border border-border bg-card p-4 text-left text-card-foreground shadow-xs",
    onClick &&
      "cursor-pointer outline-none transition-colors hover:border-input hover:bg-subtle focus-visible:ring-2 focus-visible:ring-ring",
    className,
  );

  const body = loading ? (
    <>
      <Skeleton className="h-4 w-24" />
      <Skeleton className="h-7 w-32" />
      <Skeleton className="h-4 w-20" />
      <span className="sr-only">Loading {label}</span>
    </>
  ) : (
    <>
      <div className="flex items-center justify-between gap-2">
        <span className="truncate text-sm font-medium text-muted-foreground">{label}</span>
        {onClick ? (
          <ChevronRight
            aria-hidden="true"
            className="size-4 shrink-0 text-muted-foreground opacity-0 transition-opacity group-hover:opacity-100 group-focus-visible:opacity-100"
          />
        ) : icon ? (
          <span aria-hidden="true" className="text-muted-foreground [&_svg]:size-4">
            {icon}
          </span>
        ) : null}
      </div>
      {/* Wrap rather than truncate: a KPI with hidden digits is worse than one on two lines. */}
      <div className="text-2xl leading-tight font-semibold tracking-tight tabular-nums [overflow-wrap:anywhere]">
        {value}
      </div>
      {delta ? <DeltaLine delta={delta} /> : null}
      {sparkline && sparkline.length > 1 ? <Sparkline values={sparkline} className="mt-1" /> : null}
    </>
  );

  if (onClick) {
    return (
      <button type="button" onClick={onClick} className={classes} aria-busy={loading || undefined}>
        {body}
      </button>
    );
  }
  return (
    <div className={classes} aria-busy={loading || undefined}>
      {body}
    </div>
  );
}

function DeltaLine({ delta }: { delta: StatDelta }) {
  const tone = deltaTone(delta);
  const Arrow = delta.value > 0 ? ArrowUpRight : delta.value < 0 ? ArrowDownRight : ArrowRight;
  const text = delta.label ?? formatPercent(delta.value, { signed: true });
  const direction = delta.value > 0 ? "up" : delta.value < 0 ? "down" : "unchanged";
  return (
    <div className="flex items-center gap-1.5 text-xs">
      <span
        data-tone={tone}
        className={cn(
          "inline-flex shrink-0 items-center gap-0.5 rounded px-1 py-0.5 font-medium whitespace-nowrap tabular-nums",
          tone === "up-good" && "bg-success/10 text-success",
          tone === "up-bad" && "bg-destructive/10 text-destructive",
          tone === "flat" && "bg-muted text-muted-foreground",
        )}
      >
        <Arrow aria-hidden="true" className="size-3" />
        <span className="sr-only">{direction} </span>
        {text}
      </span>
      {delta.comparison ? <span className="truncate text-muted-foreground">{delta.comparison}</span> : null}
    </div>
  );
}
