import type { JobProgress, RecordValidator, Role } from "@opsdeck/core";
import type { Database } from "@opsdeck/db";
import type { AnyRouter } from "@trpc/server";
import type { z } from "zod";
import type { Writable } from "node:stream";
import type { MemberContext, TaskContext } from "../context/types.ts";
import type { Logger } from "../logger.ts";
import type { OutboxEvent } from "../runtime/interfaces.ts";
import type { PLUGIN_BRAND } from "./brand.ts";

/** A permission a plugin declares: `<plugin id>.<area>.<verb>`, and the roles that hold it by default. */
export interface PermissionDeclaration {
  id: string;
  description: string;
  defaultRoles: Role[];
}

/** The plugin's own Postgres schema and its drizzle-kit migrations folder (an absolute path). */
export interface PluginDatabase {
  /** `plugin_<id with dashes as underscores>`. */
  schema: string;
  migrationsFolder: string;
  /** The Drizzle tables, for the plugin's own code; the host does not read them. */
  tables?: Record<string, unknown>;
}

/**
 * Saves progress of a job; throws an OpsdeckError `CANCELLED` once a user asked it to stop. Inside your
 * own transaction on the embedded database, pass it as `db`.
 */
export type ProgressReporter = (progress: JobProgress, options?: { db?: Database }) => Promise<void>;

/** A piece of long work run in the background, with progress. */
export interface PluginJob<TInput = unknown> {
  /** Validates the input when the job is queued (zod). */
  input?: z.ZodType<TInput>;
  run(ctx: TaskContext, input: TInput, progress: ProgressReporter): Promise<unknown>;
}

/** A job of any input type, as a plugin's `jobs` record holds it. */
export interface AnyPluginJob {
  input?: z.ZodType;
  run(ctx: TaskContext, input: never, progress: ProgressReporter): Promise<unknown>;
}

/** Handles an event of the outbox; must be idempotent (delivery is at least once). */
export type PluginEventHandler = (ctx: TaskContext, event: OutboxEvent) => Promise<void>;

/** A JSON-able contribution to an extension point, such as a reporting dashboard widget. */
export interface SlotContribution {
  id: string;
  [key: string]: unknown;
}

export interface CliOption {
  name: string;
  description: string;
  type: "string" | "boolean" | "number";
  required?: boolean;
  default?: string | boolean | number;
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export type CliArgs = Record<string, string | boolean | number | undefined> & { _?: string[] };

/** A sub-command `opsdeck <plugin id> <name>`; returns the exit code (0 when it returns nothing). */
export interface PluginCommand {
  name: string;
  description: string;
  options?: CliOption[];
  run(ctx: TaskContext, args: CliArgs, io: CliIo): Promise<number | void>;
}

export type SeedScale = "small" | "medium" | "large";

/** What a boot hook receives: it runs once per server start, after migrations. */
export interface BootContext {
  db: Database;
  logger: Logger;
  pluginId: string;
  opsdeckVersion: string;
}

/** Zod object schema whose every field has a default, so `parse({})` gives the defaults. */
export type SettingsSchema = z.ZodObject;

/** Everything a plugin author writes in `definePlugin({...})`. */
export interface PluginDefinitionInput<TId extends string, TRouter extends AnyRouter, TSettings extends SettingsSchema | undefined> {
  id: TId;
  name: string;
  version: string;
  description: string;
  engines: { opsdeck: string };
  requires?: Record<string, string>;
  permissions: PermissionDeclaration[];
  db?: PluginDatabase;
  router: TRouter;
  settings?: TSettings;
  /** Whether an organization that never touched the plugin has it on (default true). */
  defaultEnabled?: boolean;
  jobs?: Record<string, AnyPluginJob>;
  events?: Record<string, PluginEventHandler>;
  slots?: Record<string, SlotContribution[]>;
  cli?: PluginCommand[];
  /**
   * Other words users may type for the plugin's commands: `cliAliases: ["report"]` makes `opsdeck report kpis`
   * run the plugin's `kpis` (`opsdeck <plugin id> kpis` works too). Built-in commands and plugin ids win a clash.
   */
  cliAliases?: string[];
  seed?: (ctx: TaskContext, options: { scale: SeedScale }) => Promise<void>;
  boot?: (ctx: BootContext) => Promise<void> | void;
  /**
   * Rules that core's record create/update and CSV import must pass in organizations where the plugin is
   * enabled: called once per write or import (in its transaction) with the entity; returns a check of a
   * batch of records, or null when the plugin has no rule for it. Blocking violations refuse the write
   * (BAD_REQUEST) or the import row (a row error); warnings reach the caller.
   */
  recordValidators?: RecordValidator["prepare"];
  /**
   * Jobs the host queues by itself in every organization where the plugin is enabled, at most once per
   * `everyMinutes` (a job of that type queued by anyone counts): `[{ job: "scan", everyMinutes: 1440 }]`.
   * The job's input is its schema's default (`input.parse({})`). Only servers that run jobs do this.
   */
  schedules?: PluginSchedule[];
  /**
   * Files the plugin streams to the browser (exports): `downloads: { "report": defineDownload({...}) }` is
   * served at `GET /api/download/<plugin id>/report?…`, for signed-in members holding its permission.
   */
  downloads?: Record<string, AnyPluginDownload>;
}

/** What a download answers once its input is checked: the file's name and type, and how to write it. */
export interface DownloadFile {
  fileName: string;
  contentType: string;
  /** Streams the file into `out` (an HTTP response); resolve when done. Throwing now cuts the download short. */
  write(out: Writable): Promise<void>;
}

/** A file a plugin streams to the browser, declared with `defineDownload`. */
export interface PluginDownload<TQuery> {
  /** The permission the member needs (the plugin's or core's), as for `procedure.permission`. */
  permission: string;
  /** Validates the query string (an object of strings); a failure answers 400 with the issues. */
  query: { parseAsync(value: unknown): Promise<TQuery> };
  /** Checks what it must (throw OpsdeckError for a clear 4xx) before anything is sent, then describes the file. */
  prepare(ctx: MemberContext, query: TQuery): Promise<DownloadFile>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPluginDownload = PluginDownload<any>;

/** A job of the plugin the host queues by itself, at most once per `everyMinutes` per organization. */
export interface PluginSchedule {
  job: string;
  everyMinutes: number;
}


/** A plugin definition as `definePlugin` returns it. */
export type PluginDefinition<
  TId extends string = string,
  TRouter extends AnyRouter = AnyRouter,
  TSettings extends SettingsSchema | undefined = SettingsSchema | undefined,
> = Readonly<PluginDefinitionInput<TId, TRouter, TSettings>> & { readonly [PLUGIN_BRAND]: true };

/** Any plugin definition. */
export type AnyPluginDefinition = PluginDefinition<string, AnyRouter, SettingsSchema | undefined>;

/** The settings a plugin's schema produces. */
export type InferSettings<P> = P extends PluginDefinition<string, AnyRouter, infer S>
  ? S extends SettingsSchema
    ? z.output<S>
    : Record<string, never>
  : never;
