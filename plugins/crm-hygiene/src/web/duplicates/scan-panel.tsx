import { Button, Card, CardContent, formatRelativeTime, Progress, StatusBadge, toast } from "@opsdeck/ui";
import { Can } from "@opsdeck/plugin-sdk/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useHygieneClient, useHygieneQueries } from "../quality/api.ts";
import { ACTIVE_JOB, DUP_LABELS, DUPLICATES_MERGE, errorText, type DupEntity } from "./api.ts";

interface ScanStats {
  records?: number;
  comparedPairs?: number;
  comparedShare?: number;
  clusters?: number;
  totalMs?: number;
}

function readStats(value: unknown): ScanStats | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  const num = (x: unknown) => (typeof x === "number" ? x : undefined);
  return { records: num(v.records), comparedPairs: num(v.comparedPairs), comparedShare: num(v.comparedShare), clusters: num(v.clusters), totalMs: num(v.totalMs) };
}

/** The latest scan of an entity: when, what it compared, and a running job's progress with a cancel button. */
export function ScanPanel({ entity }: { entity: DupEntity }) {
  const q = useHygieneQueries();
  const api = useHygieneClient();
  const client = useQueryClient();
  const jobs = useQuery({
    ...q.duplicates.jobs.queryOptions({ entity }),
    refetchInterval: (query) => (query.state.data?.some((j) => ACTIVE_JOB.has(j.status)) ? 1500 : false),
  });
  const scans = useQuery(q.duplicates.scans.queryOptions({ entity }));
  const running = jobs.data?.find((j) => ACTIVE_JOB.has(j.status));
  // When a job settles, the queue changed under the page.
  const wasRunning = useRef(Boolean(running));
  useEffect(() => {
    if (wasRunning.current && !running) void client.invalidateQueries({ queryKey: q.duplicates.pathKey() });
    wasRunning.current = Boolean(running);
  }, [running, client, q]);
  const scan = useMutation({
    mutationFn: () => api.duplicates.scan.mutate({ entity }),
    onSuccess: async () => {
      toast.success(`${DUP_LABELS[entity]}: scan queued.`);
      await client.invalidateQueries({ queryKey: q.duplicates.jobs.pathKey() });
    },
    onError: (err) => toast.error(errorText(err)),
  });
  const cancel = useMutation({
    mutationFn: (jobId: string) => api.duplicates.cancelJob.mutate({ jobId }),
    onSuccess: () => toast.success("Cancelling: the queue stays as it was."),
    onError: (err) => toast.error(errorText(err)),
  });
  const last = scans.data?.find((s) => s.status === "succeeded");
  const stats = readStats(last?.stats);
  return (
    <Card>
      <CardContent className="flex flex-wrap items-center gap-x-6 gap-y-3 py-4">
        <div className="min-w-0 flex-1 space-y-1">
          {running ? (
            <>
              <div className="flex items-center gap-2 text-sm font-medium">
                <StatusBadge status={running.status} />
                {running.type.endsWith("bulk-merge") ? "Merging high-confidence clusters" : "Scanning for duplicates"}
              </div>
              <Progress
                value={running.progressTotal ? running.progressDone : null}
                max={running.progressTotal ?? 100}
                label={`${DUP_LABELS[entity]} job progress`}
              />
              <p className="text-xs text-muted-foreground">{running.message ?? "Waiting for a worker"}</p>
            </>
          ) : last && stats ? (
            <>
              <p className="text-sm font-medium">
                Last scan {formatRelativeTime(last.finishedAt ?? last.startedAt)}: {stats.records?.toLocaleString()} records,{" "}
                {stats.clusters?.toLocaleString()} clusters
              </p>
              <p className="text-xs text-muted-foreground">
                {stats.comparedPairs?.toLocaleString()} candidate pairs compared
                {stats.comparedShare !== undefined ? ` (${(stats.comparedShare * 100).toPrecision(2)}% of all pairs)` : ""}
                {stats.totalMs !== undefined ? ` in ${(stats.totalMs / 1000).toFixed(1)} s` : ""}. New records are checked as they arrive.
              </p>
            </>
          ) : (
            <p className="text-sm text-muted-foreground">
              No scan yet. A scan compares every record with its likely matches and fills the queue; after it, new and imported
              records are checked as they arrive.
            </p>
          )}
        </div>
        <Can permission={DUPLICATES_MERGE}>
          {running ? (
            <Button variant="secondary" onClick={() => cancel.mutate(running.id)} disabled={cancel.isPending || running.cancelRequested}>
              {running.cancelRequested ? "Cancelling…" : "Cancel"}
            </Button>
          ) : (
            <Button variant="primary" onClick={() => scan.mutate()} disabled={scan.isPending}>
              {last ? "Scan again" : "Scan now"}
            </Button>
          )}
        </Can>
      </CardContent>
    </Card>
  );
}
