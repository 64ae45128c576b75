import { usePermissions } from "@opsdeck/plugin-sdk/web";
import { Button, DataTable, EmptyState, Select, createColumnHelper, formatDate, formatRelativeTime, toast } from "@opsdeck/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { Activity } from "lucide-react";
import { useMemo } from "react";
import { JobProgress, pollWhileActive } from "../../../../components/job-progress.tsx";
import { Page } from "../../../../components/page.tsx";
import { errorMessage } from "../../../../lib/http.ts";
import { trpc, type CoreOutputs } from "../../../../lib/trpc.ts";
import { jobsInput, type JobStatusFilter } from "./jobs-query.ts";

type Job = CoreOutputs["jobs"]["list"][number];
const column = createColumnHelper<Job>();

/** `core:import` → "Import"; `territories:rebalance` → "territories · rebalance". */
export function jobTypeLabel(type: string): string {
  if (type === "core:import" || type === "core.import") return "Import";
  const [owner, name] = type.split(":");
  return name ? `${owner} · ${name}` : type;
}

function CancelButton({ job }: { job: Job }) {
  const queryClient = useQueryClient();
  const cancel = useMutation(
    trpc.jobs.cancel.mutationOptions({
      onSuccess: () => {
        toast.success("Cancel requested: the job stops at its next step.");
        void queryClient.invalidateQueries({ queryKey: trpc.jobs.list.queryKey() });
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  if ((job.status !== "queued" && job.status !== "running") || job.cancelRequested) return job.cancelRequested && job.status === "running" ? <span className="text-xs text-muted-foreground">Stopping…</span> : null;
  return (
    <Button size="sm" variant="ghost" loading={cancel.isPending} onClick={() => cancel.mutate({ jobId: job.id })}>
      Cancel
    </Button>
  );
}

function duration(job: Job): string {
  if (!job.startedAt) return "—";
  const ms = (job.finishedAt ? new Date(job.finishedAt) : new Date()).getTime() - new Date(job.startedAt).getTime();
  return ms < 1000 ? `${ms} ms` : ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 60_000)} min`;
}

/** Background work of the organization: progress that refreshes while something runs, results, cancelling. */
export function JobsPage() {
  const search = useSearch({ from: "/_app/admin/jobs" });
  const navigate = useNavigate({ from: "/admin/jobs" });
  const { has } = usePermissions();
  const jobs = useQuery({ ...trpc.jobs.list.queryOptions(jobsInput(search.status)), refetchInterval: (q) => pollWhileActive(q.state.data) });
  const columns = useMemo(
    () => [
      column.accessor("type", {
        header: "Job",
        cell: ({ row }) =>
          row.original.type.includes("import") ? (
            <Link to="/import/$jobId" params={{ jobId: row.original.id }} className="font-medium text-primary underline-offset-4 hover:underline">
              {jobTypeLabel(row.original.type)}
            </Link>
          ) : (
            <span className="font-medium">{jobTypeLabel(row.original.type)}</span>
          ),
      }),
      column.accessor("status", { header: "Progress", cell: ({ row }) => <JobProgress job={row.original} label={`Progress of ${jobTypeLabel(row.original.type)}`} /> }),
      column.accessor("createdAt", { header: "Started", cell: ({ getValue }) => <span title={formatDate(getValue(), { withTime: true })}>{formatRelativeTime(getValue())}</span> }),
      column.display({ id: "duration", header: "Duration", cell: ({ row }) => duration(row.original) }),
      column.accessor("error", { header: "Error", cell: ({ getValue }) => <span className="text-xs text-destructive">{getValue() ?? ""}</span>, meta: { defaultHidden: true } }),
      ...(has("core.jobs.manage") ? [column.display({ id: "actions", header: "", cell: ({ row }) => <CancelButton job={row.original} />, meta: { exportable: false, align: "right" as const } })] : []),
    ],
    [has],
  );
  return (
    <Page title="Jobs" description="Imports and other long work run in the background. Progress refreshes while a job runs.">
      <DataTable
        label="Jobs"
        mode="client"
        columns={columns}
        data={jobs.data ?? []}
        loading={jobs.isPending}
        error={jobs.error ? errorMessage(jobs.error) : null}
        onRetry={() => void jobs.refetch()}
        getRowId={(j) => j.id}
        searchable={false}
        storageKey="opsdeck.admin.jobs"
        exportFileName="jobs"
        toolbar={
          <Select
            size="sm"
            className="w-40"
            aria-label="Filter by status"
            options={[
              { value: "all", label: "All jobs" },
              { value: "active", label: "Queued or running" },
              { value: "succeeded", label: "Succeeded" },
              { value: "failed", label: "Failed" },
              { value: "cancelled", label: "Cancelled" },
            ]}
            value={search.status}
            onValueChange={(status) => void navigate({ search: { status: status as JobStatusFilter } })}
          />
        }
        emptyState={<EmptyState size="compact" icon={<Activity />} title="No jobs yet" text="Imports and plugin jobs show up here while they run and after." />}
      />
    </Page>
  );
}
