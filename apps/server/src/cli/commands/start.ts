import { Command } from "commander";
import { DEMO_PASSWORD, listOrganizations, type SeedDemoResult } from "@opsdeck/core";
import { startApp } from "../../app.ts";
import { createLogger } from "../../logger.ts";
import type { CliRuntime } from "../runtime.ts";
import { seedDemoOrganization, seedPluginData } from "./seed.ts";
import { cliCommands } from "./index.ts";

export function startCommand(rt: CliRuntime): Command {
  return new Command("start")
    .description("start the portal (migrates the database first)")
    .option("--port <port>", "port to listen on (env PORT)")
    .option("--host <host>", "address to listen on (env HOST)")
    .option("--demo", "seed the small demo organization when the database has none")
    .action(async (o: { port?: string; host?: string; demo?: boolean }) => {
      const { env, io } = rt;
      const log = createLogger(env);
      const opened = await rt.database();
      let seeded: SeedDemoResult | undefined;
      if (o.demo && (await listOrganizations(opened.db)).length === 0) {
        io.err("Seeding the demo organization (first start)…\n");
        seeded = await seedDemoOrganization(rt, opened, { scale: "small", slug: "acme" });
      }
      const app = await startApp({
        env,
        opened,
        log,
        port: o.port ? Number(o.port) : env.PORT,
        host: o.host ?? env.HOST,
        cliCommands: () => cliCommands.filter((c) => c !== startCommand),
      });
      if (seeded) await seedPluginData(rt, app.platform, seeded.organizationId, "small");
      io.out(`\nOpsdeck is running at ${app.url}\n`);
      io.out(`  database: ${opened.backend} (${opened.location})\n`);
      if (o.demo) {
        const creds = seeded?.signIn ?? { email: "admin@acme.example", password: DEMO_PASSWORD };
        io.out(`  demo sign-in: ${creds.email} / ${creds.password}\n`);
      }
      io.out("  stop with Ctrl-C\n\n");
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          io.err(`\n${signal}: finishing in-flight requests…\n`);
          void app.close().then(resolve);
        };
        process.once("SIGINT", () => stop("SIGINT"));
        process.once("SIGTERM", () => stop("SIGTERM"));
      });
    });
}
