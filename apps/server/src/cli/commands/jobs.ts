import { Command } from "commander";
import { listJobs, requestJobCancel } from "@opsdeck/core";
import { printJson } from "../io.ts";
import type { CliRuntime } from "../runtime.ts";

export function jobsCommand(rt: CliRuntime): Command {
  const jobs = new Command("jobs").description("watch and cancel background work");
  jobs
    .command("list")
    .option("--org <slug>", "organization (default: the only one)")
    .option("--json", "print JSON")
    .action(async (o: { org?: string; json?: boolean }) => {
      const { ctx } = await rt.tenant(o.org);
      const rows = await listJobs(ctx, { limit: 100 });
      if (o.json) return printJson(rt.io, { jobs: rows });
      if (!rows.length) return rt.io.out("No jobs.\n");
      for (const j of rows) {
        const progress = j.progressTotal ? `${j.progressDone}/${j.progressTotal}` : String(j.progressDone);
        rt.io.out(`${j.id}  ${j.type.padEnd(20)} ${j.status.padEnd(10)} ${progress.padEnd(16)} ${j.message ?? ""}\n`);
      }
    });
  jobs
    .command("cancel <id>")
    .option("--org <slug>", "organization (default: the only one)")
    .option("--json", "print JSON")
    .action(async (id: string, o: { org?: string; json?: boolean }) => {
      const { ctx } = await rt.tenant(o.org);
      const job = await requestJobCancel(ctx, id);
      if (o.json) return printJson(rt.io, { job });
      rt.io.out(job.status === "cancelled" ? "Cancelled.\n" : "Cancellation requested; the job stops at its next step.\n");
    });
  return jobs;
}
