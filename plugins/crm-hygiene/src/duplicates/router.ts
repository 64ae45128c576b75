import { pluginSettings, procedure, router } from "@opsdeck/plugin-sdk";
import { z } from "zod";
import { DUPLICATES_MERGE, DUPLICATES_READ, hygieneSettings, RULES_MANAGE } from "../common.ts";
import { BLOCKING_KEYS, DEFAULT_RULES, duplicateEntity, MATCH_FIELDS, matchingRules } from "../matching/rules.ts";
import { MERGE_ENTITIES, SURVIVOR_RULES } from "../merge/fields.ts";
import { listMerges, mergeDuplicates, unmergeDuplicates } from "../merge/merge-cluster.ts";
import { previewRules } from "./preview.ts";
import { getClusterDetail, latestScans, listClusters, markNotDuplicate } from "./queue.ts";
import { assertNoDuplicateJobRunning, cancelDuplicateJob, latestDuplicateJobs } from "./scan-jobs.ts";
import { checkRules, getRules, resetRules, saveRules } from "./rules-store.ts";
import { duplicateSummary } from "./summary.ts";

const entityInput = z.object({ entity: duplicateEntity });
const mergeEntity = z.enum(MERGE_ENTITIES);

/** `crm-hygiene.duplicates.*`: matching rules, scans, the review queue, merge and unmerge. */
export const duplicatesRouter = router({
  summary: procedure.permission(DUPLICATES_READ).query(({ ctx }) => duplicateSummary(ctx.tenant)),
  rules: procedure
    .permission(DUPLICATES_READ)
    .input(entityInput)
    .query(async ({ ctx, input }) => ({
      ...(await getRules(ctx.tenant, input.entity)),
      defaults: DEFAULT_RULES[input.entity],
      fields: MATCH_FIELDS[input.entity],
      blockingKeys: BLOCKING_KEYS[input.entity],
    })),
  saveRules: procedure
    .permission(RULES_MANAGE)
    .input(z.object({ entity: duplicateEntity, rules: matchingRules }))
    .mutation(({ ctx, input }) => saveRules(ctx.tenant, input.entity, input.rules)),
  resetRules: procedure
    .permission(RULES_MANAGE)
    .input(entityInput)
    .mutation(({ ctx, input }) => resetRules(ctx.tenant, input.entity)),
  /** Runs rules (saved or not) on a sample and counts the pairs each threshold would give. */
  preview: procedure
    .permission(RULES_MANAGE)
    .input(z.object({ entity: duplicateEntity, rules: matchingRules, sample: z.number().int().min(100).max(20_000).default(5000) }))
    .mutation(({ ctx, input }) =>
      previewRules(ctx.tenant, input.entity, checkRules(input.entity, input.rules), {
        sample: input.sample,
        defaultCountry: pluginSettings(ctx, hygieneSettings).defaultCountry,
      }),
    ),
  scan: procedure
    .permission(DUPLICATES_MERGE)
    .input(entityInput)
    .mutation(async ({ ctx, input }) => {
      await assertNoDuplicateJobRunning(ctx.tenant, input.entity);
      return ctx.jobs.enqueue("duplicates-scan", { entity: input.entity });
    }),
  scans: procedure
    .permission(DUPLICATES_READ)
    .input(entityInput)
    .query(({ ctx, input }) => latestScans(ctx.tenant, input.entity)),
  /** The latest scan / bulk-merge jobs of an entity, with progress (the page polls it while one runs). */
  jobs: procedure
    .permission(DUPLICATES_READ)
    .input(entityInput)
    .query(({ ctx, input }) => latestDuplicateJobs(ctx.tenant, input.entity)),
  cancelJob: procedure
    .permission(DUPLICATES_MERGE)
    .input(z.object({ jobId: z.guid() }))
    .mutation(({ ctx, input }) => cancelDuplicateJob(ctx.tenant, input.jobId)),
  clusters: procedure
    .permission(DUPLICATES_READ)
    .input(
      z.object({
        entity: duplicateEntity,
        status: z.enum(["open", "merged", "dismissed"]).default("open"),
        minScore: z.number().min(0).max(1).optional(),
        maxScore: z.number().min(0).max(1).optional(),
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().min(0).default(0),
      }),
    )
    .query(({ ctx, input }) => listClusters(ctx.tenant, input)),
  cluster: procedure
    .permission(DUPLICATES_READ)
    .input(z.object({ id: z.guid() }))
    .query(({ ctx, input }) => getClusterDetail(ctx.tenant, input.id)),
  notDuplicate: procedure
    .permission(DUPLICATES_MERGE)
    .input(z.object({ clusterId: z.guid() }))
    .mutation(({ ctx, input }) => markNotDuplicate(ctx.tenant, input.clusterId)),
  merge: procedure
    .permission(DUPLICATES_MERGE)
    .input(
      z.object({
        entity: mergeEntity,
        recordIds: z.array(z.guid()).min(2).max(50),
        clusterId: z.guid().optional(),
        rule: z.enum(SURVIVOR_RULES).default("most_complete"),
        survivorId: z.guid().optional(),
        picks: z.record(z.string(), z.guid()).optional(),
      }),
    )
    .mutation(({ ctx, input }) => mergeDuplicates(ctx.tenant, input)),
  unmerge: procedure
    .permission(DUPLICATES_MERGE)
    .input(z.object({ mergeId: z.guid() }))
    .mutation(({ ctx, input }) => unmergeDuplicates(ctx.tenant, input.mergeId)),
  merges: procedure
    .permission(DUPLICATES_READ)
    .input(z.object({ entity: mergeEntity.optional(), limit: z.number().int().min(1).max(200).default(50) }))
    .query(({ ctx, input }) => listMerges(ctx.tenant, input.entity, input.limit)),
  /** Queues a job merging every open cluster at or above the auto-merge threshold. */
  bulkMerge: procedure
    .permission(DUPLICATES_MERGE)
    .input(z.object({ entity: mergeEntity, rule: z.enum(["most_complete", "most_recent", "oldest"]).default("most_complete") }))
    .mutation(async ({ ctx, input }) => {
      await assertNoDuplicateJobRunning(ctx.tenant, input.entity);
      return ctx.jobs.enqueue("duplicates-bulk-merge", input);
    }),
});
