import {
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  ConfirmDialog,
  EmptyState,
  ErrorState,
  LoadingState,
  Progress,
  Sheet,
  SheetContent,
  SheetDescription,
  SheetHeader,
  SheetTitle,
  StatusBadge,
  toast,
  useLinkComponent,
} from "@opsdeck/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { errorText, recordHref, useHygieneClient, useHygieneQueries } from "./api.ts";

const ACTIVE = new Set(["queued", "running", "undoing"]);

const STATUS_LABELS: Record<string, string> = {
  applied: "Applied",
  undoing: "Undoing",
  undone: "Undone",
  partly_undone: "Partly undone",
};
const STATUS_TONES: Record<string, "success" | "info" | "neutral" | "warning"> = {
  applied: "success",
  undoing: "info",
  undone: "neutral",
  partly_undone: "warning",
};

interface UndoResult {
  restored: number;
  skipped: number;
  skippedRecords: { entity: string; recordId: string; field: string; current: string | null; reason: string }[];
}

/** The history of runs: progress while they run, undo and cancel, and what an undo had to skip. */
export function RunHistory({ labels, canRun }: { labels: ReadonlyMap<string, string>; canRun: boolean }) {
  const q = useHygieneQueries();
  const api = useHygieneClient();
  const client = useQueryClient();
  const Link = useLinkComponent();
  const [details, setDetails] = useState<{ rule: string; result: UndoResult } | null>(null);
  const runs = useQuery({
    ...q.normalization.runs.queryOptions({ limit: 50 }),
    // Poll while something runs, so the progress bar moves and the status settles by itself.
    refetchInterval: (query) => (query.state.data?.some((r) => ACTIVE.has(r.status)) ? 1500 : false),
  });
  const refresh = () => client.invalidateQueries({ queryKey: q.normalization.pathKey() });
  // When the last active run settles, the records changed: the preview above is stale.
  const active = runs.data?.filter((r) => ACTIVE.has(r.status)).length ?? 0;
  const wasActive = useRef(active);
  useEffect(() => {
    if (wasActive.current > 0 && active === 0) void client.invalidateQueries({ queryKey: q.normalization.preview.pathKey() });
    wasActive.current = active;
  }, [active, client, q]);
  const undo = useMutation({
    mutationFn: (id: string) => api.normalization.undo.mutate({ id }),
    onSuccess: async () => {
      toast.success("Undo queued.");
      await refresh();
    },
    onError: (err) => toast.error(errorText(err)),
  });
  const cancel = useMutation({
    mutationFn: (id: string) => api.normalization.cancel.mutate({ id }),
    onSuccess: async () => {
      toast.success("Cancelling: nothing the run did stays.");
      await refresh();
    },
    onError: (err) => toast.error(errorText(err)),
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>History</CardTitle>
        <CardDescription>Every applied run keeps the values it replaced. Undo skips records edited since, and lists them.</CardDescription>
      </CardHeader>
      <CardContent>
        {runs.isPending ? (
          <LoadingState label="Loading runs" size="compact" />
        ) : runs.isError ? (
          <ErrorState message={errorText(runs.error)} onRetry={() => void runs.refetch()} />
        ) : runs.data.length === 0 ? (
          <EmptyState size="compact" title="No runs yet" text="Preview a rule above and apply it." />
        ) : (
          <ul className="divide-y divide-border">
            {runs.data.map((run) => {
              const active = ACTIVE.has(run.status);
              const job = run.job;
              const undoResult = run.undoResult as UndoResult | null;
              return (
                <li key={run.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3 text-sm">
                  <div className="min-w-40 font-medium">{labels.get(run.rule) ?? run.rule}</div>
                  <StatusBadge status={run.status} label={STATUS_LABELS[run.status]} tone={STATUS_TONES[run.status]} />
                  <div className="text-muted-foreground">{new Date(run.createdAt).toLocaleString()}</div>
                  {active && job ? (
                    <div className="flex min-w-56 flex-1 items-center gap-2">
                      <Progress value={job.progressTotal ? job.progressDone : null} max={job.progressTotal ?? 100} label={`${labels.get(run.rule)} progress`} />
                      <span className="shrink-0 text-xs text-muted-foreground">{job.message ?? "Waiting for a worker"}</span>
                    </div>
                  ) : (
                    <div className="flex-1 tabular-nums text-muted-foreground">
                      {run.status === "failed" || run.status === "cancelled"
                        ? (run.error ?? "Nothing was changed.")
                        : `${run.changed.toLocaleString()} changed · ${run.invalid.toLocaleString()} unreadable · ${run.scanned.toLocaleString()} read`}
                      {undoResult ? ` · ${undoResult.restored.toLocaleString()} restored` : ""}
                    </div>
                  )}
                  <div className="flex gap-2">
                    {undoResult && undoResult.skipped > 0 ? (
                      <Button size="sm" variant="ghost" onClick={() => setDetails({ rule: labels.get(run.rule) ?? run.rule, result: undoResult })}>
                        {undoResult.skipped.toLocaleString()} skipped
                      </Button>
                    ) : null}
                    {canRun && active ? (
                      <Button size="sm" variant="secondary" onClick={() => cancel.mutate(run.id)} disabled={cancel.isPending}>
                        Cancel
                      </Button>
                    ) : null}
                    {canRun && run.status === "applied" && run.changed > 0 ? (
                      <ConfirmDialog
                        title="Undo this run?"
                        description="Every value it changed goes back, except in records edited since (they are skipped and listed)."
                        confirmLabel="Undo"
                        destructive
                        onConfirm={() => undo.mutateAsync(run.id).then(() => undefined)}
                        trigger={<Button size="sm" variant="secondary">Undo</Button>}
                      />
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
      <Sheet open={details !== null} onOpenChange={(open) => !open && setDetails(null)}>
        <SheetContent>
          <SheetHeader>
            <SheetTitle>Skipped by the undo of “{details?.rule}”</SheetTitle>
            <SheetDescription>These records were edited or deleted after the run, so their current values stay.</SheetDescription>
          </SheetHeader>
          <ul className="mt-4 divide-y divide-border text-sm">
            {details?.result.skippedRecords.map((s) => (
              <li key={`${s.recordId}:${s.field}`} className="flex items-center justify-between gap-3 py-2">
                <Link href={recordHref(s.entity, s.recordId)} className="font-mono text-xs hover:underline">
                  {s.entity}/{s.recordId.slice(0, 8)}
                </Link>
                <span className="text-muted-foreground">
                  {s.field}: {s.current ?? "—"} ({s.reason})
                </span>
              </li>
            ))}
          </ul>
        </SheetContent>
      </Sheet>
    </Card>
  );
}
