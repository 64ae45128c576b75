import type { AnyRouter } from "@trpc/server";
import type { z } from "zod";
import type { MemberContext, TaskContext } from "../context/types.ts";
import { PLUGIN_BRAND } from "./brand.ts";
import type {
  AnyPluginDefinition,
  DownloadFile,
  PluginDefinition,
  PluginDownload,
  PluginDefinitionInput,
  PluginJob,
  ProgressReporter,
  SettingsSchema,
} from "./types.ts";

/**
 * Declares a plugin; its `./server` entry default-exports the result. Nothing is checked here: the host
 * validates the manifest when it loads the plugin and reports what is wrong (see `validatePlugin`).
 */
export function definePlugin<
  const TId extends string,
  TRouter extends AnyRouter,
  TSettings extends SettingsSchema | undefined = undefined,
>(input: PluginDefinitionInput<TId, TRouter, TSettings>): PluginDefinition<TId, TRouter, TSettings> {
  return Object.freeze({ ...input, [PLUGIN_BRAND]: true as const });
}

/** True for what `definePlugin` returned (from any copy of the SDK). */
export function isPluginDefinition(value: unknown): value is AnyPluginDefinition {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[PLUGIN_BRAND] === true;
}

/** Declares a job whose input is validated by a zod schema when it is queued. */
/** Declares a file the plugin streams to the browser; `query` is a zod object of the query string's fields. */
export function defineDownload<S extends z.ZodType>(download: {
  permission: string;
  query: S;
  prepare(ctx: MemberContext, query: z.output<S>): Promise<DownloadFile>;
}): PluginDownload<z.output<S>> {
  return download;
}

export function defineJob<S extends z.ZodType>(job: {
  input: S;
  run(ctx: TaskContext, input: z.output<S>, progress: ProgressReporter): Promise<unknown>;
}): PluginJob<z.output<S>> {
  return job as unknown as PluginJob<z.output<S>>;
}
