import { pluginSettings, type PluginCommand } from "@opsdeck/plugin-sdk";
import { hygieneSettings } from "../common.ts";
import { runAsCliJob } from "./cli-job.ts";
import { runQualityScan } from "./scan.ts";
import { labelIssues } from "./scores.ts";

/** `opsdeck hygiene scan [--json]`: the data-quality scan (audits and scores), with progress. */
export const scanCommand: PluginCommand = {
  name: "scan",
  description: "Audit every record and store today's data-quality scores (organization and owners)",
  options: [{ name: "json", description: "Print the result as JSON", type: "boolean", default: false }],
  async run(ctx, args, io) {
    const result = await runAsCliJob(ctx, io, "quality-scan", {}, (progress) =>
      runQualityScan(ctx.tenant, {
        staleDays: pluginSettings(ctx, hygieneSettings).staleAfterDays,
        timeZone: ctx.organization.timeZone,
        progress: (p) => progress(p),
      }),
    );
    const issues = await labelIssues(ctx.tenant, result.issues);
    if (args.json) {
      io.out(`${JSON.stringify({ day: result.day, score: result.score, records: result.records, owners: result.owners, issues })}\n`);
      return;
    }
    io.out(`Data quality on ${result.day}: ${result.score.toFixed(2)} / 100 over ${result.records} records (${result.owners} owners)\n`);
    for (const issue of issues.slice(0, 15)) io.out(`  ${String(issue.count).padStart(9)}  ${issue.label}\n`);
  },
};
