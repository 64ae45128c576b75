import { Can } from "@opsdeck/plugin-sdk/web";
import {
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  createColumnHelper,
  DataTable,
  EmptyState,
  ErrorState,
  LoadingState,
  PageHeader,
  toast,
  useLinkComponent,
} from "@opsdeck/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { BASE, ENTITY_LABELS, errorText, formatScore, NORMALIZE_RUN, scoreTone, useHygieneClient, useHygieneQueries } from "./api.ts";
import { ScoreCard } from "./score-card.tsx";

interface OwnerRow {
  ownerId: string | null;
  name: string;
  active: boolean;
  records: number;
  score: number;
  issues: number;
}

const owners = createColumnHelper<OwnerRow>();

/** Overview: the organization's score and trend, the score by owner, and the top issues. */
export function OverviewPage() {
  const q = useHygieneQueries();
  const api = useHygieneClient();
  const Link = useLinkComponent();
  const overview = useQuery(q.quality.overview.queryOptions({ days: 90 }));
  const scan = useMutation({
    mutationFn: () => api.quality.scan.mutate(),
    onSuccess: () => toast.success("Scan queued: the scores update when it finishes (see Jobs)."),
    onError: (err) => toast.error(errorText(err)),
  });
  const actions = (
    <Can permission={NORMALIZE_RUN}>
      <Button variant="secondary" onClick={() => scan.mutate()} disabled={scan.isPending}>
        Scan now
      </Button>
    </Can>
  );
  const header = (
    <PageHeader title="Data quality" description="How complete, current and well-owned the CRM's records are, scanned daily." actions={actions} />
  );
  if (overview.isPending) return <div className="space-y-6">{header}<LoadingState label="Loading scores" /></div>;
  if (overview.isError) return <div className="space-y-6">{header}<ErrorState message={errorText(overview.error)} onRetry={() => void overview.refetch()} /></div>;
  const data = overview.data;
  if (!data.day) {
    return (
      <div className="space-y-6">
        {header}
        <EmptyState title="No data-quality scan yet" text="The scan runs every day; ops can start one now." action={actions} />
      </div>
    );
  }
  const columns = [
    owners.accessor("name", {
      header: "Owner",
      cell: (c) => (
        <span className="flex items-center gap-2">
          {c.getValue()}
          {c.row.original.active ? null : <Badge tone="warning">Left</Badge>}
        </span>
      ),
    }),
    owners.accessor("records", { header: "Records", meta: { align: "right" }, cell: (c) => c.getValue().toLocaleString() }),
    owners.accessor("issues", { header: "Issues", meta: { align: "right" }, cell: (c) => c.getValue().toLocaleString() }),
    owners.accessor("score", {
      header: "Score",
      meta: { align: "right" },
      cell: (c) => <Badge tone={scoreTone(c.getValue())}>{formatScore(c.getValue())}</Badge>,
    }),
  ];
  return (
    <div className="space-y-6">
      {header}
      <div className="grid gap-6 lg:grid-cols-3">
        <ScoreCard score={data.score} day={data.day} trend={data.trend} previous={data.previousScore} />
        <Card>
          <CardHeader>
            <CardTitle>Top issues</CardTitle>
            <CardDescription>At the latest scan</CardDescription>
          </CardHeader>
          <CardContent>
            {data.topIssues.length === 0 ? (
              <EmptyState size="compact" title="No issues" text="Every record passes every check." />
            ) : (
              <ul className="divide-y divide-border">
                {data.topIssues.slice(0, 10).map((issue) => (
                  <li key={issue.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                    <Link
                      href={issue.kind === "rule" ? `${BASE}/rules/${issue.id.slice(5)}` : `${BASE}/audits?check=${encodeURIComponent(issue.id)}`}
                      className="min-w-0 truncate text-foreground hover:underline focus-visible:underline"
                    >
                      {issue.label}
                    </Link>
                    <span className="shrink-0 tabular-nums text-muted-foreground">{issue.count.toLocaleString()}</span>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Score by owner</CardTitle>
          <CardDescription>
            {data.records.toLocaleString()} records of {Object.values(ENTITY_LABELS).join(", ").toLowerCase()}; lowest first.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <DataTable
            label="Score by owner"
            columns={columns}
            data={data.owners}
            getRowId={(r) => r.ownerId ?? "none"}
            mode="client"
            searchable
            searchPlaceholder="Find an owner"
            exportable
            exportFileName="data-quality-by-owner"
          />
        </CardContent>
      </Card>
    </div>
  );
}
