import { getOrganizationBySlug, listOrganizations, systemContext, type Organization, type TenantContext } from "@opsdeck/core";
import type { OpenedDatabase } from "@opsdeck/db";
import { migrateAll, openFromEnv } from "../database.ts";
import type { Env } from "../env.ts";
import { createLogger } from "../logger.ts";
import { startPlatform, type Platform } from "../platform.ts";
import { CliUsageError } from "./errors.ts";
import type { CliIo } from "./io.ts";

/** What a command can use. The database opens on first use, so `--help` never touches it. */
export interface CliRuntime {
  env: Env;
  io: CliIo;
  /** True when the server runs the command for a CLI (the database is the server's). */
  viaServer: boolean;
  database(): Promise<OpenedDatabase>;
  /** The plugin host (plugins migrated); the server's own when the command runs inside it. */
  platform(): Promise<Platform>;
  /** The organization `--org` names, or the only one. */
  organization(slug: string | undefined): Promise<Organization>;
  tenant(slug: string | undefined): Promise<{ org: Organization; ctx: TenantContext }>;
  close(): Promise<void>;
}

export interface SharedResources {
  opened: OpenedDatabase;
  platform?: Platform | undefined;
}

export function createCliRuntime(env: Env, io: CliIo, shared?: SharedResources): CliRuntime {
  let opened: Promise<OpenedDatabase> | undefined = shared ? Promise.resolve(shared.opened) : undefined;
  let platform: Promise<Platform> | undefined = shared?.platform ? Promise.resolve(shared.platform) : undefined;
  const database = () => {
    opened ??= openFromEnv(env).then(async (db) => {
      await migrateAll(db);
      return db;
    });
    return opened;
  };
  const organization = async (slug: string | undefined) => {
    const { db } = await database();
    if (slug) return getOrganizationBySlug(db, slug);
    const all = await listOrganizations(db);
    if (all.length === 1) return all[0]!;
    if (all.length === 0) throw new CliUsageError("No organization yet: run `opsdeck orgs create --slug <slug> --name <name>` or `opsdeck seed`.");
    throw new CliUsageError(`Several organizations exist: pass --org <slug> (${all.map((o) => o.slug).join(", ")}).`);
  };
  return {
    env,
    io,
    viaServer: Boolean(shared),
    database,
    platform() {
      platform ??= database().then((db) =>
        startPlatform({ env, opened: db, log: createLogger({ LOG_LEVEL: env.LOG_LEVEL === "info" ? "warn" : env.LOG_LEVEL }), background: false }),
      );
      return platform;
    },
    organization,
    async tenant(slug) {
      const org = await organization(slug);
      const { db } = await database();
      return { org, ctx: systemContext(db, org.id) };
    },
    async close() {
      if (shared) return;
      if (platform) await (await platform).stop();
      if (opened) await (await opened).close();
    },
  };
}
