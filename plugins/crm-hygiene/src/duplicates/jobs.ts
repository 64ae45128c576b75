import { defineJob, pluginSettings } from "@opsdeck/plugin-sdk";
import { z } from "zod";
import { hygieneSettings } from "../common.ts";
import { duplicateEntity } from "../matching/rules.ts";
import { bulkMerge } from "../merge/bulk-merge.ts";
import { runDuplicateScan } from "./scan.ts";

/** `crm-hygiene.duplicates-scan`: a full scan of one entity (progress, cancellable). */
export const duplicatesScanJob = defineJob({
  input: z.object({ entity: duplicateEntity }),
  async run(ctx, input, progress) {
    const result = await runDuplicateScan(ctx.tenant, input.entity, {
      progress: (p) => progress(p),
      defaultCountry: pluginSettings(ctx, hygieneSettings).defaultCountry,
    });
    return { scanId: result.scanId, entity: result.entity, clusters: result.stats.clusters, comparedPairs: result.stats.comparedPairs, records: result.stats.records };
  },
});

/** `crm-hygiene.duplicates-bulk-merge`: merges every open cluster above the auto-merge threshold. */
export const duplicatesBulkMergeJob = defineJob({
  input: z.object({ entity: z.enum(["contacts", "accounts", "leads"]), rule: z.enum(["most_complete", "most_recent", "oldest"]).default("most_complete") }),
  async run(ctx, input, progress) {
    return bulkMerge(ctx.tenant, input, (p) => progress(p));
  },
});
