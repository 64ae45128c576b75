import type { CoreInputs } from "../../../../lib/trpc.ts";

export const JOB_STATUS_FILTERS = ["all", "active", "succeeded", "failed", "cancelled"] as const;
export type JobStatusFilter = (typeof JOB_STATUS_FILTERS)[number];

/** The `core.jobs.list` input for a filter of the jobs page. */
export function jobsInput(filter: JobStatusFilter): CoreInputs["jobs"]["list"] {
  if (filter === "all") return { limit: 100 };
  if (filter === "active") return { status: ["queued", "running"], limit: 100 };
  return { status: [filter], limit: 100 };
}
