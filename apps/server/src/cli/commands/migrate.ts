import { Command } from "commander";
import { printJson } from "../io.ts";
import type { CliRuntime } from "../runtime.ts";
import { migrateAll } from "../../database.ts";

export function migrateCommand(rt: CliRuntime): Command {
  return new Command("migrate")
    .description("bring the database schema up to date (core and every plugin)")
    .option("--json", "print JSON")
    .action(async (o: { json?: boolean }) => {
      const opened = await rt.database();
      const results = await migrateAll(opened);
      if (o.json) return printJson(rt.io, { backend: opened.backend, schemas: results });
      for (const r of results) {
        rt.io.out(`${r.schema}: ${r.applied.length ? `applied ${r.applied.length} migration(s)` : "up to date"} (${r.total} in all)\n`);
      }
    });
}
