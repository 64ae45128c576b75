import path from "node:path";
import { createEventDispatcher, createJobRunner, type EventDispatcher, type JobRunner } from "@opsdeck/core";
import type { OpenedDatabase } from "@opsdeck/db";
import { createPluginHost, discoverPlugins, type PluginHost } from "@opsdeck/plugin-sdk/host";
import type { Env } from "./env.ts";
import type { Logger } from "./logger.ts";
import { OPSDECK_VERSION } from "./version.ts";
import { registerCoreJobs } from "./jobs/core-jobs.ts";

/** The workspace's first-party plugins. */
export const WORKSPACE_PLUGINS_DIR = path.resolve(import.meta.dirname, "../../../plugins");

/** Where plugins installed later live: OPSDECK_PLUGINS_DIR, else `.opsdeck/plugins`. */
export function installedPluginsDir(env: Env): string {
  return path.resolve(env.OPSDECK_PLUGINS_DIR ?? path.join(env.stateDir, "plugins"));
}

/** How often a server queues the plugins' scheduled jobs that are due. */
const SCHEDULE_TICK_MS = 60_000;

export interface Platform {
  host: PluginHost;
  runner: JobRunner | undefined;
  dispatcher: EventDispatcher | undefined;
  stop(options?: { graceful?: boolean }): Promise<void>;
}

/**
 * Loads the plugins and, for a server, starts the job runner and the event dispatcher. A CLI process
 * (`background: false`) gets the host alone: it migrates and runs commands, background work stays with servers.
 */
export async function startPlatform(options: {
  env: Env;
  opened: OpenedDatabase;
  log: Logger;
  background: boolean;
  publicUrl?: string;
}): Promise<Platform> {
  const { env, opened, log, background } = options;
  const runner = background ? createJobRunner({ opened, logger: log }) : undefined;
  const dispatcher = background ? createEventDispatcher({ opened, logger: log }) : undefined;
  const started: { host?: PluginHost } = {};
  // Imports run after the host exists (the runner starts below), and check its plugins' validation rules.
  if (runner) registerCoreJobs(runner, async (organizationId) => started.host?.recordValidator(organizationId));
  const host = await createPluginHost({
    opened,
    opsdeckVersion: OPSDECK_VERSION,
    plugins: discoverPlugins([WORKSPACE_PLUGINS_DIR, installedPluginsDir(env)]),
    logger: log.child({ component: "host" }),
    jobs: runner,
    events: dispatcher,
    publicUrl: options.publicUrl ?? env.PUBLIC_URL,
    boot: background,
  });
  started.host = host;
  await runner?.start();
  dispatcher?.start();
  // Plugins' scheduled jobs (manifest `schedules`): checked every minute by every server that runs jobs;
  // the host queues each at most once per period however many servers tick.
  const ticker = runner
    ? setInterval(() => {
        host.runSchedules().catch((err: unknown) => log.warn({ err }, "scheduled jobs could not be queued"));
      }, SCHEDULE_TICK_MS)
    : undefined;
  ticker?.unref();
  return {
    host,
    runner,
    dispatcher,
    async stop({ graceful = true } = {}) {
      if (ticker) clearInterval(ticker);
      await dispatcher?.stop();
      await runner?.stop({ graceful });
    },
  };
}
