import type { DashboardWidgetProps } from "@opsdeck/plugin-reporting/common";
import { Badge, EmptyState, ErrorState, Skeleton, Sparkline, useLinkComponent } from "@opsdeck/ui";
import { useQuery } from "@tanstack/react-query";
import { BASE, errorText, formatScore, scoreTone, shortDay, useHygieneQueries } from "./api.ts";

/** `reporting.dashboard.widget`: the data-quality score of the organization, or of the owner or team the dashboard is filtered to, and its trend. */
export function DataQualityWidget({ filters }: DashboardWidgetProps) {
  const q = useHygieneQueries();
  const Link = useLinkComponent();
  const trend = useQuery(q.quality.trend.queryOptions({ ownerId: filters.ownerId, teamId: filters.ownerId ? undefined : filters.teamId, days: 30 }));
  if (trend.isPending) return <Skeleton className="h-24 w-full" />;
  if (trend.isError) return <ErrorState message={errorText(trend.error)} onRetry={() => void trend.refetch()} />;
  const points = trend.data;
  const last = points.at(-1);
  if (!last) return <EmptyState size="compact" title="No score yet" text="The daily data-quality scan has not run for this selection." />;
  const first = points[0]!;
  const change = last.score - first.score;
  const scope = filters.ownerId ? "This owner's records" : filters.teamId ? "This team's records" : "All records";
  return (
    <div className="flex h-full flex-col gap-2">
      <div className="flex items-baseline gap-2">
        <span className="text-3xl font-semibold tabular-nums">{formatScore(last.score)}</span>
        <Badge tone={scoreTone(last.score)}>/ 100</Badge>
        {points.length > 1 ? (
          <span className={change >= 0 ? "text-xs text-success" : "text-xs text-destructive"}>
            {change >= 0 ? "+" : ""}
            {change.toFixed(1)} in 30 days
          </span>
        ) : null}
      </div>
      <Sparkline values={points.map((p) => p.score)} className="h-10 w-full" />
      <div className="flex items-center justify-between text-xs text-muted-foreground">
        <span title={`${last.records.toLocaleString()} records, scanned ${last.day}`}>
          {scope} · {shortDay(last.day)}
        </span>
        <Link href={`${BASE}/`} className="hover:underline focus-visible:underline">
          Details
        </Link>
      </div>
    </div>
  );
}
