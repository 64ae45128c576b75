import pino, { type Logger } from "pino";
import type { Env } from "./env.ts";

export type { Logger };

/** Structured JSON logs (pino); each request logs through a child that carries its request id. */
export function createLogger(env: Pick<Env, "LOG_LEVEL">, destination?: pino.DestinationStream): Logger {
  return pino({ level: env.LOG_LEVEL, base: { service: "opsdeck" } }, destination);
}
