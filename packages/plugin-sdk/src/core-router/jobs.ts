import { getJob, listJobs } from "@opsdeck/core";
import { JOB_STATUSES } from "@opsdeck/core/schema";
import { z } from "zod";
import { procedure, router } from "../trpc/procedures.ts";
import type { Platform } from "./platform.ts";

const jobId = z.object({ jobId: z.guid() });

/** `core.jobs.*`: background work, its progress and result; cancelling it. */
export function jobsRouter(platform: Platform) {
  return router({
    list: procedure
      .permission("core.jobs.read")
      .input(
        z
          .object({ status: z.array(z.enum(JOB_STATUSES)).optional(), limit: z.number().int().min(1).max(200).default(50) })
          .default({ limit: 50 }),
      )
      .query(({ ctx, input }) => listJobs(ctx.tenant, input)),
    get: procedure
      .permission("core.jobs.read")
      .input(jobId)
      .query(({ ctx, input }) => getJob(ctx.tenant, input.jobId)),
    cancel: procedure
      .permission("core.jobs.manage")
      .input(jobId)
      .mutation(({ ctx, input }) => platform.cancelJob(ctx.tenant, input.jobId)),
  });
}
