import { Progress, StatusBadge } from "@opsdeck/ui";

export interface JobLike {
  status: string;
  progressDone: number;
  progressTotal: number | null;
  message: string | null;
}

/** A job's state: its badge, and a bar while it runs (indeterminate when the total is unknown). */
export function JobProgress({ job, label }: { job: JobLike; label: string }) {
  const running = job.status === "running" || job.status === "queued";
  const percent = job.progressTotal ? Math.min(100, Math.round((job.progressDone / job.progressTotal) * 100)) : undefined;
  return (
    <div className="flex min-w-48 flex-col gap-1">
      <div className="flex items-center gap-2">
        <StatusBadge status={job.status} />
        {running && percent !== undefined ? <span className="text-xs text-muted-foreground tabular-nums">{percent}%</span> : null}
      </div>
      {running ? <Progress value={job.status === "queued" ? 0 : percent} label={label} size="sm" /> : null}
      {job.message ? <span className="truncate text-xs text-muted-foreground">{job.message}</span> : null}
    </div>
  );
}

/** While any job is queued or running, poll every second; otherwise do not. */
export function pollWhileActive(jobs: readonly { status: string }[] | undefined): number | false {
  return jobs?.some((j) => j.status === "queued" || j.status === "running") ? 1000 : false;
}
