import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDatabase, testBackend, type TestDatabase } from "@opsdeck/db/testing";
import { cliCommands } from "../src/cli/commands/index.ts";
import { runCli } from "../src/cli/program.ts";
import { readEnv, type Env } from "../src/env.ts";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  json<T = Record<string, unknown>>(): T;
}

/**
 * Runs CLI invocations in-process against a fresh database of the backend under test: a Postgres test
 * database by URL, or an embedded folder of its own (the CLI opens and closes it each run, as a user's would).
 */
export async function createCliHarness() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "opsdeck-cli-"));
  let pg: TestDatabase | undefined;
  let env: Env;
  if (testBackend() === "postgres") {
    pg = await createTestDatabase("postgres");
    env = readEnv({ DATABASE_URL: pg.url, OPSDECK_DATA_DIR: path.join(dir, "data"), LOG_LEVEL: "silent" });
  } else {
    env = readEnv({ OPSDECK_DATA_DIR: path.join(dir, "data"), LOG_LEVEL: "silent" });
  }
  return {
    env,
    dir,
    async run(...argv: string[]): Promise<CliResult> {
      let stdout = "";
      let stderr = "";
      const code = await runCli(
        argv,
        env,
        { out: (s) => (stdout += s), err: (s) => (stderr += s), cwd: dir, interactive: false },
        { extra: cliCommands },
      );
      return { code, stdout, stderr, json: <T>() => JSON.parse(stdout) as T };
    },
    async destroy() {
      await pg?.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
