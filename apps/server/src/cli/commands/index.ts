import type { CommandFactory } from "../program.ts";
import { exportCommand } from "./export.ts";
import { importCommand } from "./import.ts";
import { seedCommand } from "./seed.ts";
import { startCommand } from "./start.ts";

/** Commands beyond the basics: they need the server, the seed or the importers. */
export const cliCommands: CommandFactory[] = [startCommand, seedCommand, importCommand, exportCommand];
