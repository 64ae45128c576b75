import fs from "node:fs";
import path from "node:path";
import { Command, Option } from "commander";
import {
  createJob,
  finishJob,
  IMPORT_ENTITIES,
  IMPORT_MODES,
  importCsv,
  isOpsdeckError,
  markJobRunning,
  type ImportMode,
  type ImportResult,
} from "@opsdeck/core";
import { CliExit, CliUsageError } from "../errors.ts";
import { printJson, progressPrinter, type CliIo } from "../io.ts";
import type { CliRuntime } from "../runtime.ts";

function readMapping(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new CliUsageError(`Cannot read the mapping file ${file}.`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CliUsageError(`The mapping file ${file} is not valid JSON: ${(err as Error).message}`);
  }
}

function printResult(io: CliIo, result: ImportResult) {
  const verdict = result.committed ? "Imported" : "Nothing was imported";
  io.out(
    `${verdict}: ${result.rows} rows — ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged, ${result.invalid} invalid (${(result.durationMs / 1000).toFixed(1)} s).\n`,
  );
  for (const e of result.errors.slice(0, 50)) {
    io.err(`  row ${e.row}, column ${e.column}: ${e.message}${e.value !== undefined && e.value !== "" ? ` (value: ${JSON.stringify(e.value)})` : ""}\n`);
  }
  if (result.errorCount > 50) io.err(`  … ${result.errorCount - 50} more row errors (use --json for the first ${result.errors.length})\n`);
  // Warnings of plugins' validation rules: the rows were imported.
  for (const w of result.warnings.slice(0, 20)) io.err(`  warning: row ${w.row}, column ${w.column}: ${w.message}\n`);
  if (result.warningCount > 20) io.err(`  … ${result.warningCount - 20} more warnings\n`);
}

export function importCommand(rt: CliRuntime): Command {
  return new Command("import")
    .description(`import a CSV file of ${IMPORT_ENTITIES.join(", ")} (idempotent by external_id; see docs/data-import.md)`)
    .argument("<entity>", IMPORT_ENTITIES.join("|"))
    .argument("<file>", "the CSV file")
    .addOption(new Option("--mode <mode>", "what to do with bad rows").choices(IMPORT_MODES).default("all-or-nothing"))
    .option("--map <file>", "a JSON column mapping for headers that are not Opsdeck's or a CRM's")
    .option("--org <slug>", "organization (default: the only one)")
    .option("--json", "print the result as JSON")
    .action(async (entity: string, file: string, o: { mode: ImportMode; map?: string; org?: string; json?: boolean }) => {
      const full = path.resolve(rt.io.cwd, file);
      if (!fs.existsSync(full) || !fs.statSync(full).isFile()) throw new CliUsageError(`No such file: ${file}`);
      const mapping = o.map ? readMapping(path.resolve(rt.io.cwd, o.map)) : undefined;
      const { ctx: base } = await rt.tenant(o.org);
      // The enabled plugins' validation rules apply to imports as to the web wizard's.
      const ctx = { ...base, recordValidator: await (await rt.platform()).host.recordValidator(base.organizationId) };
      const job = await createJob(ctx, "core.import", { entity, file: path.basename(full), mode: o.mode });
      await markJobRunning(ctx, job.id);
      const show = progressPrinter(rt.io, `import ${entity}`);
      const controller = new AbortController();
      const onSignal = () => controller.abort();
      if (!rt.viaServer) process.once("SIGINT", onSignal);
      try {
        const result = await importCsv(ctx, {
          entity,
          input: fs.createReadStream(full),
          mode: o.mode,
          mapping: mapping as never,
          jobId: job.id,
          fileName: path.basename(full),
          signal: controller.signal,
          onProgress: (p) => show(p.rows, p.estimatedTotal, `${p.created} created, ${p.updated} updated, ${p.invalid} invalid`),
        });
        await finishJob(ctx, job.id, {
          status: result.committed ? "succeeded" : "failed",
          result: { ...result, errors: result.errors.slice(0, 100) },
          ...(result.committed ? {} : { error: `${result.errorCount} row error(s); nothing was written.` }),
          message: `${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged, ${result.invalid} invalid`,
        });
        if (o.json) printJson(rt.io, result);
        else printResult(rt.io, result);
        // Scripts must notice skipped rows too: any invalid row makes the exit code 1.
        if (!result.committed || result.invalid > 0) throw new CliExit(1);
      } catch (err) {
        if (!(err instanceof CliExit)) {
          const cancelled = isOpsdeckError(err) && err.code === "CANCELLED";
          await finishJob(ctx, job.id, { status: cancelled ? "cancelled" : "failed", error: (err as Error).message });
        }
        throw err;
      } finally {
        process.removeListener("SIGINT", onSignal);
      }
    });
}
