import type { MigrateResult } from "@opsdeck/db";
import type { AnyPluginDefinition } from "../manifest/types.ts";
import type { ProcedureInfo } from "../trpc/inspect-router.ts";

/** Where a plugin comes from: a name to report, and how to import its `./server` entry. */
export interface PluginSource {
  /** The package name or folder, shown when the plugin cannot even be imported. */
  source: string;
  load: () => Promise<unknown>;
  /** The plugin's folder (discovered plugins), where its web bundle lives. */
  root?: string | undefined;
}

export type PluginHealth = "healthy" | "unhealthy";

/** A plugin as the host knows it after start. */
export interface PluginRecord {
  /** The plugin id, or the source when the plugin could not be read. */
  id: string;
  source: string;
  root: string | undefined;
  definition: AnyPluginDefinition | undefined;
  health: PluginHealth;
  /** Why it is unhealthy. */
  reason: string | undefined;
  procedures: ProcedureInfo[];
  migration: MigrateResult | undefined;
}

/** Marks a plugin unhealthy (the first reason wins: later steps are skipped). */
export function fail(record: PluginRecord, reason: string): void {
  if (record.health === "unhealthy") return;
  record.health = "unhealthy";
  record.reason = reason;
}

/** The message of anything thrown, for a reason line. */
export function messageOf(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const own = err.message.split("\n")[0] || err.name;
  // Drizzle wraps driver errors in "Failed query: <sql>"; the driver's message says what went wrong.
  if (err.cause instanceof Error) return err.message.startsWith("Failed query:") ? messageOf(err.cause) : `${own}: ${messageOf(err.cause)}`;
  return own;
}

/** Records by id; a refused duplicate shares its id with the plugin that won, and the id names the winner. */
export function indexById(records: readonly PluginRecord[]): Map<string, PluginRecord> {
  const byId = new Map<string, PluginRecord>();
  for (const r of records) {
    const seen = byId.get(r.id);
    if (!seen || (seen.health !== "healthy" && r.health === "healthy")) byId.set(r.id, r);
  }
  return byId;
}
