import { OpsdeckError } from "@opsdeck/core";
import { pluginSettings, type PluginCommand } from "@opsdeck/plugin-sdk";
import { runAsCliJob } from "../audits/cli-job.ts";
import { hygieneSettings } from "../common.ts";
import { previewNormalization } from "./preview.ts";
import { isRuleId, RULE_IDS } from "./rules.ts";
import { applyRun, startRun } from "./runs.ts";

/**
 * `opsdeck hygiene normalize --rule phones [--apply] [--json]`: a preview by default (what would change,
 * with examples); with --apply, the run, in this process, as a job with progress (undo it from the web).
 */
export const normalizeCommand: PluginCommand = {
  name: "normalize",
  description: `Preview (or --apply) a normalization rule: ${RULE_IDS.join(", ")}`,
  options: [
    { name: "rule", description: `The rule: ${RULE_IDS.join("|")}`, type: "string", required: true },
    { name: "apply", description: "Apply it (default: preview only)", type: "boolean", default: false },
    { name: "json", description: "Print the result as JSON", type: "boolean", default: false },
  ],
  async run(ctx, args, io) {
    const rule = String(args.rule);
    if (!isRuleId(rule)) {
      io.err(`Unknown rule "${rule}". Use one of: ${RULE_IDS.join(", ")}.\n`);
      return 2;
    }
    const { defaultCountry } = pluginSettings(ctx, hygieneSettings);
    if (!args.apply) {
      const preview = await previewNormalization(ctx.tenant, rule, { defaultCountry, limit: Number.MAX_SAFE_INTEGER, examples: 10 });
      if (args.json) return void io.out(`${JSON.stringify(preview)}\n`);
      io.out(`Preview of "${rule}": ${preview.changed} records would change, ${preview.invalid} hold values it cannot read.\n`);
      for (const t of preview.targets) io.out(`  ${t.entity}: ${t.changed} to change, ${t.invalid} unreadable, of ${t.total}\n`);
      for (const e of preview.examples) io.out(`  ${e.entity} ${e.recordId} ${e.field}: ${JSON.stringify(e.before)} → ${JSON.stringify(e.after)}\n`);
      for (const e of preview.invalidExamples) io.out(`  ! ${e.entity} ${e.recordId} ${e.field}: ${JSON.stringify(e.value)} — ${e.reason}\n`);
      io.out("Run again with --apply to change them (every run can be undone on the Normalization page).\n");
      return;
    }
    // The run's job is this command: its row is created here, not queued for a server.
    let runId: string | undefined;
    const result = await runAsCliJob(ctx, io, "normalize", { rule }, async (progress, jobId) => {
      const run = await startRun(ctx.tenant, () => Promise.resolve({ id: jobId }), rule);
      runId = run.id;
      return applyRun(ctx, run.id, defaultCountry, progress);
    }).catch((err: unknown) => {
      if (err instanceof OpsdeckError && err.code === "CANCELLED") io.err(`Cancelled: nothing was changed (run ${runId ?? "?"}).\n`);
      throw err;
    });
    if (args.json) return void io.out(`${JSON.stringify(result)}\n`);
    io.out(`Applied "${rule}": ${result.changed} records changed, ${result.invalid} unreadable, ${result.scanned} read. Run ${result.runId}.\n`);
  },
};
