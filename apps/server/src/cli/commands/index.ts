import type { CommandFactory } from "../program.ts";
import { seedCommand } from "./seed.ts";
import { startCommand } from "./start.ts";

/** Commands beyond the basics: they need the server, the seed or the importers. */
export const cliCommands: CommandFactory[] = [startCommand, seedCommand];
