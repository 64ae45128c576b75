import { defineJob, pluginSettings } from "@opsdeck/plugin-sdk";
import { z } from "zod";
import { hygieneSettings } from "../common.ts";
import { runQualityScan } from "./scan.ts";

/** The data-quality scan: audits every record and stores today's scores. */
export const qualityScanJob = defineJob({
  input: z.object({}).default({}),
  run: (ctx, _input, progress) =>
    runQualityScan(ctx.tenant, {
      staleDays: pluginSettings(ctx, hygieneSettings).staleAfterDays,
      timeZone: ctx.organization.timeZone,
      progress: (p) => progress(p),
    }),
});
