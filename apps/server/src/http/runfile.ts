import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const runFileSchema = z.object({ pid: z.number(), url: z.string(), token: z.string(), dataDir: z.string() });
export type RunFile = z.infer<typeof runFileSchema>;

const fileOf = (stateDir: string) => path.join(stateDir, "server.json");

/** Tells local `opsdeck` commands where the server that holds the embedded database listens. */
export function writeRunFile(stateDir: string, value: RunFile): void {
  fs.mkdirSync(stateDir, { recursive: true });
  fs.writeFileSync(fileOf(stateDir), JSON.stringify(value), { mode: 0o600 });
}

export function readRunFile(stateDir: string): RunFile | undefined {
  try {
    const parsed = runFileSchema.safeParse(JSON.parse(fs.readFileSync(fileOf(stateDir), "utf8")));
    if (!parsed.success) return undefined;
    // A run file left by a crashed server points at nobody.
    process.kill(parsed.data.pid, 0);
    return parsed.data;
  } catch {
    return undefined;
  }
}

export function removeRunFile(stateDir: string, pid = process.pid): void {
  const current = readRunFile(stateDir);
  if (!current || current.pid === pid) fs.rmSync(fileOf(stateDir), { force: true });
}
