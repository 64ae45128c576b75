import fs from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { Command } from "commander";
import { exportCsv, IMPORT_ENTITIES } from "@opsdeck/core";
import type { CliIo } from "../io.ts";
import type { CliRuntime } from "../runtime.ts";

/** A stream onto the command's stdout, wherever that is (a terminal or a CLI's response). */
function ioStream(io: CliIo): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      io.out(chunk.toString("utf8"));
      done();
    },
  });
}

export function exportCommand(rt: CliRuntime): Command {
  return new Command("export")
    .description(`export ${IMPORT_ENTITIES.join(", ")} as CSV with Opsdeck's headers (re-importable as is)`)
    .argument("<entity>", IMPORT_ENTITIES.join("|"))
    .option("--out <file>", "write to a file instead of stdout")
    .option("--search <text>", "only records matching this text")
    .option("--include-deleted", "also records in the trash")
    .option("--org <slug>", "organization (default: the only one)")
    .action(async (entity: string, o: { out?: string; search?: string; includeDeleted?: boolean; org?: string }) => {
      const { ctx } = await rt.tenant(o.org);
      const target = o.out ? fs.createWriteStream(path.resolve(rt.io.cwd, o.out)) : ioStream(rt.io);
      const finished = new Promise<void>((resolve, reject) => {
        target.on("finish", resolve);
        target.on("error", reject);
      });
      const { rows } = await exportCsv(ctx, entity, target, { search: o.search, includeDeleted: o.includeDeleted });
      await finished;
      if (o.out) rt.io.err(`Exported ${rows} ${entity} to ${o.out}\n`);
    });
}
