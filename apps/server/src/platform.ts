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
  if (runner) registerCoreJobs(runner);
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
  await runner?.start();
  dispatcher?.start();
  return {
    host,
    runner,
    dispatcher,
    async stop({ graceful = true } = {}) {
      await dispatcher?.stop();
      await runner?.stop({ graceful });
    },
  };
}
