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
      // Loading the host migrates every healthy plugin's schema; report them too.
      const platform = await rt.platform();
      const plugins = platform.host.list().map((p) => ({ id: p.id, health: p.health, reason: p.reason ?? null }));
      if (o.json) return printJson(rt.io, { backend: opened.backend, schemas: results, plugins });
      for (const r of results) {
        rt.io.out(`${r.schema}: ${r.applied.length ? `applied ${r.applied.length} migration(s)` : "up to date"} (${r.total} in all)\n`);
      }
      for (const p of plugins) rt.io.out(`plugin ${p.id}: ${p.health}${p.reason ? ` — ${p.reason}` : ""}\n`);
    });
}
