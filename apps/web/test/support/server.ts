import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const repo = path.resolve(import.meta.dirname, "../../../..");

export interface RunningServer {
  url: string;
  signIn: { email: string; password: string };
  dataDir: string;
  stop: () => Promise<void>;
}

/**
 * Starts the real server, `opsdeck start --demo --port 0`, on a fresh embedded database in a temporary
 * folder, with the fixture plugins installed (OPSDECK_PLUGINS_DIR), and waits for the URL it prints.
 */
export async function startServer(options: { pluginsDir?: string; timeoutMs?: number } = {}): Promise<RunningServer> {
  const web = path.resolve(import.meta.dirname, "../..");
  if (!fs.existsSync(path.join(web, "dist/index.html"))) throw new Error("apps/web/dist is missing: run `pnpm --filter @opsdeck/web build` first.");
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "opsdeck-web-e2e-"));
  const dataDir = path.join(stateDir, "data");
  const entry = process.env.OPSDECK_E2E_SERVER_ENTRY ?? path.join(repo, "apps/server/src/bin/opsdeck.ts");
  // The embedded database, whatever the caller's environment says.
  const { DATABASE_URL: _ignored, PORT: _port, ...env } = process.env;
  const child: ChildProcess = spawn(process.execPath, [entry, "start", "--demo", "--port", "0", "--host", "127.0.0.1"], {
    cwd: repo,
    env: {
      ...env,
      OPSDECK_DATA_DIR: dataDir,
      OPSDECK_PLUGINS_DIR: options.pluginsDir ?? path.join(web, "test/fixtures/plugins"),
      LOG_LEVEL: "warn",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within ${(options.timeoutMs ?? 120_000) / 1000} s:\n${output}`)), options.timeoutMs ?? 120_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before it listened:\n${output}`));
    });
  });
  const creds = /demo sign-in: (\S+) \/ (\S+)/.exec(output);
  return {
    url,
    dataDir,
    signIn: { email: creds?.[1] ?? "admin@acme.example", password: creds?.[2] ?? "opsdeck-demo" },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        // The data folder is thrown away: no need to wait long for a clean shutdown.
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      fs.rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
