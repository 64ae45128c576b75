import fs from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import type { CliIo, PluginCommand } from "@opsdeck/plugin-sdk";
import { catalogFor } from "../reports/catalog.ts";
import { getSavedReport } from "../reports/saved-reports.ts";
import { EXPORT_FORMATS, exportReport, type ExportFormat } from "./export-report.ts";

/** A stream onto the command's stdout (text: CSV only). */
function ioStream(io: CliIo): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      io.out(chunk.toString("utf8"));
      done();
    },
  });
}

/**
 * `opsdeck report export <saved report name or id> --format csv|xlsx [--out file]`: the whole report,
 * streamed. CSV goes to stdout without `--out`; XLSX is binary and needs `--out` (a plugin command's io carries
 * text only). A relative `--out` is the CLI's: `opsdeck` resolves it in its own process before a command goes
 * through the running server. Runs as the system, so every row of the organization is exported.
 */
export const exportCommand: PluginCommand = {
  name: "export",
  description: "Export a saved report: export <name or id> --format csv|xlsx [--out file]",
  options: [
    { name: "format", description: "csv or xlsx", type: "string", default: "csv" },
    { name: "out", description: "Write to this file instead of stdout", type: "string" },
  ],
  async run(ctx, args, io) {
    const name = args._?.join(" ").trim();
    const format = String(args.format) as ExportFormat;
    if (!name) {
      io.err("Name the saved report: opsdeck report export <name or id> --format csv|xlsx [--out file]\n");
      return 2;
    }
    if (!EXPORT_FORMATS.includes(format)) {
      io.err(`--format must be csv or xlsx, not ${format}\n`);
      return 2;
    }
    if (format === "xlsx" && !args.out) {
      // The command's output channel carries text only (it may be relayed through the running server).
      io.err("XLSX is a binary file and the CLI prints text only: pass --out <file>.xlsx (CSV can go to stdout).\n");
      return 2;
    }
    const report = await getSavedReport(ctx.tenant, name);
    const file = typeof args.out === "string" ? path.resolve(args.out) : null;
    const target = file ? fs.createWriteStream(file) : ioStream(io);
    const { rows } = await exportReport(ctx, catalogFor(ctx), report.definition as never, format, target);
    if (file) io.err(`Exported ${rows} rows of "${report.name}" to ${file}\n`);
    return 0;
  },
};
