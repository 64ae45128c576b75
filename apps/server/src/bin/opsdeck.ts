#!/usr/bin/env node
// The `opsdeck` command. With the embedded database already held by a running server, commands go
// through that server (the folder admits one process); otherwise they open the database themselves.
import { isDataDirLocked } from "@opsdeck/db";
import { absolutizeFileArgs } from "../cli/file-args.ts";
import { processIo } from "../cli/io.ts";
import { runViaServer } from "../cli/remote.ts";
import { cliCommands } from "../cli/commands/index.ts";
import { runCli } from "../cli/program.ts";
import { readEnv } from "../env.ts";
import { readRunFile } from "../http/runfile.ts";

const argv = process.argv.slice(2);
const env = readEnv();

// Arguments that name files are resolved here, so the server (another cwd) reads the same files.
const absolutized = absolutizeFileArgs(argv, process.cwd());

let code: number;
if (!env.DATABASE_URL && argv[0] !== "start" && !argv.includes("--help") && (await isDataDirLocked(env.OPSDECK_DATA_DIR))) {
  const run = readRunFile(env.stateDir);
  if (run) {
    code = await runViaServer(run, absolutized, processIo);
  } else {
    processIo.err(
      `error: the embedded database at ${env.OPSDECK_DATA_DIR} is in use by another opsdeck command. Wait for it to finish and try again.\n`,
    );
    code = 1;
  }
} else {
  code = await runCli(argv, env, processIo, { extra: cliCommands });
}
process.exitCode = code;
