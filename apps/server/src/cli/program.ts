import { Command, CommanderError } from "commander";
import type { Env } from "../env.ts";
import { OPSDECK_VERSION } from "../version.ts";
import { jobsCommand } from "./commands/jobs.ts";
import { migrateCommand } from "./commands/migrate.ts";
import { orgsCommand } from "./commands/orgs.ts";
import { pluginCommand, pluginsCommand } from "./commands/plugins.ts";
import { usersCommand } from "./commands/users.ts";
import { reportCliError } from "./errors.ts";
import type { CliIo } from "./io.ts";
import { createCliRuntime, type CliRuntime, type SharedResources } from "./runtime.ts";

/** Extra commands (start, plugin sub-commands) registered by whoever runs the CLI. */
export type CommandFactory = (rt: CliRuntime) => Command;

export function buildProgram(rt: CliRuntime, extra: CommandFactory[] = []): Command {
  const program = new Command("opsdeck")
    .description("Opsdeck: the Sales Ops portal. Database: DATABASE_URL, else the embedded one in OPSDECK_DATA_DIR.")
    .version(OPSDECK_VERSION)
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => rt.io.out(s), writeErr: (s) => rt.io.err(s) });
  for (const make of [migrateCommand, orgsCommand, usersCommand, jobsCommand, pluginsCommand, ...extra]) {
    program.addCommand(make(rt));
  }
  program.commands.forEach((cmd) => configureTree(rt, cmd));
  return program;
}

/** Sub-commands inherit the program's output and error handling. */
function configureTree(rt: CliRuntime, cmd: Command) {
  cmd.exitOverride().configureOutput({ writeOut: (s) => rt.io.out(s), writeErr: (s) => rt.io.err(s) });
  cmd.commands.forEach((sub) => configureTree(rt, sub));
}

/** Runs one CLI invocation and returns its exit code; errors are printed for a person, never thrown. */
export async function runCli(
  argv: string[],
  env: Env,
  io: CliIo,
  options: { shared?: SharedResources; extra?: CommandFactory[] } = {},
): Promise<number> {
  const rt = createCliRuntime(env, io, options.shared);
  try {
    const program = buildProgram(rt, options.extra);
    const first = argv[0];
    // `opsdeck <plugin id> …`: load the plugins only when the first word is not one of ours.
    if (first && !first.startsWith("-") && first !== "help" && !program.commands.some((c) => c.name() === first)) {
      const command = await pluginCommand(rt, first).catch(() => undefined);
      if (command) {
        program.addCommand(command);
        configureTree(rt, command);
      }
    }
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    return reportCliError(io, err);
  } finally {
    await rt.close();
  }
}
