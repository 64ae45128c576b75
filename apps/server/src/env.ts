import path from "node:path";
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  OPSDECK_DATA_DIR: z.string().min(1).default("./.opsdeck/data"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  /** Secret for signing sessions; generated and kept in the data folder when absent. */
  OPSDECK_SECRET: z.string().min(32).optional(),
  OPSDECK_PLUGINS_DIR: z.string().optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(60 * 24),
  SESSION_MAX_DAYS: z.coerce.number().int().positive().default(30),
});

export type Env = z.infer<typeof schema> & {
  /** The folder that holds the embedded database and the server's run files (`.opsdeck`). */
  stateDir: string;
};

/** Reads the environment once, validated; nothing else in the app touches process.env. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // An empty variable (`DATABASE_URL=`) means unset, as in most tools.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const dataDir = path.resolve(parsed.data.OPSDECK_DATA_DIR);
  return { ...parsed.data, OPSDECK_DATA_DIR: dataDir, stateDir: path.dirname(dataDir) };
}
