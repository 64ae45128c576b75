import { usePermissions } from "@opsdeck/plugin-sdk/web";
import { Badge, Button, Card, CardContent, EmptyState, ErrorState, StatTile, formatNumber, toast } from "@opsdeck/ui";
import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { CheckCircle2 } from "lucide-react";
import { JobProgress } from "../../../../components/job-progress.tsx";
import { Page } from "../../../../components/page.tsx";
import { errorMessage } from "../../../../lib/http.ts";
import { trpc } from "../../../../lib/trpc.ts";
import type { ImportResult } from "./import-api.ts";
import { RowErrorsTable } from "./row-errors-table.tsx";

const ACTIVE = new Set(["queued", "running"]);

/** Step 4: the import job's progress (refreshed while it runs) and then its result, with every row error. */
export function ImportResultPage() {
  const { jobId } = useParams({ from: "/_app/import/$jobId" });
  const { has } = usePermissions();
  const { data: job } = useSuspenseQuery({
    ...trpc.jobs.get.queryOptions({ jobId }),
    refetchInterval: (q) => (q.state.data && ACTIVE.has(q.state.data.status) ? 1000 : false),
  });
  const cancel = useMutation(trpc.jobs.cancel.mutationOptions({ onError: (e) => toast.error(errorMessage(e)) }));
  const result = (job.status === "succeeded" || job.status === "failed" ? job.result : null) as ImportResult | null;
  const fileName = (job.input as { fileName?: string } | null)?.fileName;
  return (
    <Page
      title="Import"
      description={fileName ? `${fileName}` : undefined}
      breadcrumbs={[{ label: "Import data", href: "/import" }, { label: "Result" }]}
      actions={
        <Button asChild>
          <Link to="/import">Import another file</Link>
        </Button>
      }
    >
      <div className="flex flex-col gap-4">
        <Card>
          <CardContent className="flex flex-wrap items-center justify-between gap-3 pt-5">
            <JobProgress job={job} label="Import progress" />
            {ACTIVE.has(job.status) && has("core.jobs.manage") ? (
              <Button variant="destructive" loading={cancel.isPending} disabled={job.cancelRequested} onClick={() => cancel.mutate({ jobId })}>
                {job.cancelRequested ? "Stopping…" : "Cancel import"}
              </Button>
            ) : null}
          </CardContent>
        </Card>
        {job.status === "failed" && !result ? <ErrorState title="The import failed" message={job.error ?? "Unknown error."} /> : null}
        {job.status === "cancelled" ? <ErrorState title="The import was cancelled" message="Nothing was written: the import is rolled back as a whole." /> : null}
        {result ? (
          <>
            <div className="flex items-center gap-2">
              {result.committed ? <Badge tone="success">Saved</Badge> : <Badge tone="danger">Nothing was saved</Badge>}
              <span className="text-sm text-muted-foreground">
                {formatNumber(result.rows)} rows read in {(result.durationMs / 1000).toFixed(1)} s ({result.mode === "all-or-nothing" ? "all or nothing" : "bad rows skipped"})
              </span>
            </div>
            <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
              <StatTile label="Created" value={formatNumber(result.committed ? result.created : 0)} />
              <StatTile label="Updated" value={formatNumber(result.committed ? result.updated : 0)} />
              <StatTile label="Unchanged" value={formatNumber(result.unchanged)} />
              <StatTile label="Rows with errors" value={formatNumber(result.invalid)} />
            </div>
            {result.errorCount ? (
              <section className="flex flex-col gap-2">
                <h2 className="text-sm font-semibold">
                  Row errors {result.errorsTruncated ? `(the first ${formatNumber(result.errors.length)} of ${formatNumber(result.errorCount)})` : ""}
                </h2>
                <RowErrorsTable errors={result.errors} fileName="import-errors" />
              </section>
            ) : (
              <Card>
                <EmptyState size="compact" icon={<CheckCircle2 />} title="Every row was imported" />
              </Card>
            )}
            {result.warningCount ? (
              <section className="flex flex-col gap-2">
                <h2 className="flex items-center gap-2 text-sm font-semibold">
                  Warnings <Badge tone="warning">{formatNumber(result.warningCount)}</Badge>
                  {result.warnings.length < result.warningCount ? (
                    <span className="font-normal text-muted-foreground">(the first {formatNumber(result.warnings.length)})</span>
                  ) : null}
                </h2>
                <p className="text-xs text-muted-foreground">
                  {result.committed ? "These rows were imported" : "These rows would have been imported"}; your organization&apos;s validation rules ask to look at them.
                </p>
                <RowErrorsTable errors={result.warnings} fileName="import-warnings" tone="warning" />
              </section>
            ) : null}
          </>
        ) : null}
      </div>
    </Page>
  );
}
