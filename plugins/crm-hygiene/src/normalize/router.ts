import { getJob, requestJobCancel, type JobRow } from "@opsdeck/core";
import { OpsdeckError, pluginSettings, procedure, router, withTransaction } from "@opsdeck/plugin-sdk";
import { z } from "zod";
import { HYGIENE_READ, hygieneSettings, NORMALIZE_RUN } from "../common.ts";
import { previewNormalization } from "./preview.ts";
import { NORMALIZATION_RULES, RULE_IDS } from "./rules.ts";
import { getRun, listRuns, settleUnstarted, startRun, startUndo, type NormalizationRun } from "./runs.ts";

const rule = z.enum(RULE_IDS);
const byId = z.object({ id: z.guid() });

type JobView = Pick<JobRow, "id" | "status" | "progressDone" | "progressTotal" | "message" | "error">;

/** A run with the job doing its current work (apply or undo), so pages show progress. */
async function withJob(tenant: Parameters<typeof getJob>[0], run: NormalizationRun): Promise<NormalizationRun & { job: JobView | null }> {
  const jobId = run.status === "undoing" ? run.undoJobId : run.jobId;
  let job: JobView | null = null;
  if (jobId) {
    try {
      const row = await getJob(tenant, jobId);
      job = { id: row.id, status: row.status, progressDone: row.progressDone, progressTotal: row.progressTotal, message: row.message, error: row.error };
    } catch {
      job = null;
    }
  }
  return { ...run, job };
}

/** `crm-hygiene.normalization.*`: rules, preview, apply as a job, history, undo. */
export const normalizationRouter = router({
  rules: procedure.permission(HYGIENE_READ).query(() =>
    RULE_IDS.map((id) => {
      const r = NORMALIZATION_RULES[id];
      return { id, label: r.label, description: r.description, entities: r.targets.map((t) => t.entity) };
    }),
  ),
  preview: procedure
    .permission(NORMALIZE_RUN)
    .input(z.object({ rule, limit: z.number().int().min(100).max(200_000).default(50_000), examples: z.number().int().min(1).max(100).default(24) }))
    .query(({ ctx, input }) =>
      previewNormalization(ctx.tenant, input.rule, {
        defaultCountry: pluginSettings(ctx, hygieneSettings).defaultCountry,
        limit: input.limit,
        examples: input.examples,
      }),
    ),
  start: procedure
    .permission(NORMALIZE_RUN)
    .input(z.object({ rule }))
    .mutation(({ ctx, input }) => withTransaction(ctx, (tx) => startRun(tx.tenant, (name, data) => tx.jobs.enqueue(name, data), input.rule))),
  runs: procedure
    .permission(HYGIENE_READ)
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 }))
    .query(async ({ ctx, input }) => Promise.all((await listRuns(ctx.tenant, input.limit)).map((run) => withJob(ctx.tenant, run)))),
  run: procedure
    .permission(HYGIENE_READ)
    .input(byId)
    .query(async ({ ctx, input }) => withJob(ctx.tenant, await getRun(ctx.tenant, input.id))),
  undo: procedure
    .permission(NORMALIZE_RUN)
    .input(byId)
    .mutation(({ ctx, input }) => withTransaction(ctx, (tx) => startUndo(tx.tenant, (name, data) => tx.jobs.enqueue(name, data), input.id))),
  cancel: procedure
    .permission(NORMALIZE_RUN)
    .input(byId)
    .mutation(async ({ ctx, input }) => {
      const run = await getRun(ctx.tenant, input.id);
      const jobId = run.status === "undoing" ? run.undoJobId : run.jobId;
      if (!jobId || !["queued", "running", "undoing"].includes(run.status)) {
        throw new OpsdeckError("CONFLICT", `This run is ${run.status}; there is nothing to cancel.`);
      }
      const job = await requestJobCancel(ctx.tenant, jobId);
      // A job cancelled before it started never runs: settle its run here.
      if (job.status === "cancelled") await settleUnstarted(ctx.tenant, run);
      return withJob(ctx.tenant, await getRun(ctx.tenant, run.id));
    }),
});
