import { z } from "zod";
import type { CliOption, PermissionDeclaration, SlotContribution } from "../manifest/types.ts";
import type { ProcedureAccess } from "../trpc/meta.ts";
import type { PluginHealth, PluginRecord } from "./plugin-record.ts";

/** A plugin as `host.list()` and the admin pages show it: the manifest as data, health and reason. */
export interface PluginSummary {
  id: string;
  source: string;
  health: PluginHealth;
  reason: string | null;
  name: string | null;
  version: string | null;
  description: string | null;
  engines: { opsdeck: string } | null;
  requires: Record<string, string>;
  defaultEnabled: boolean;
  permissions: readonly PermissionDeclaration[];
  slots: Record<string, SlotContribution[]>;
  procedures: Array<{ path: string; type: string; access: ProcedureAccess | null; description: string | null }>;
  /** The JSON Schema of the settings, for a form; null when the plugin has none. */
  settingsSchema: unknown;
  jobs: string[];
  events: string[];
  cli: Array<{ name: string; description: string; options: CliOption[] }>;
  /** Other words for `opsdeck <plugin id>` (see `cliAliases` in the manifest). */
  cliAliases: string[];
  /** The database schema the plugin owns, if any. */
  dbSchema: string | null;
}

const summaries = new WeakMap<PluginRecord, PluginSummary>();

function settingsJsonSchema(schema: z.ZodType | undefined): unknown {
  if (!schema) return null;
  try {
    return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  } catch {
    return null;
  }
}

/** The summary of a plugin (computed once: plugins do not change while the host runs). */
export function describePlugin(record: PluginRecord): PluginSummary {
  const cached = summaries.get(record);
  if (cached) return cached;
  const def = record.definition;
  const summary: PluginSummary = {
    id: record.id,
    source: record.source,
    health: record.health,
    reason: record.reason ?? null,
    name: def?.name ?? null,
    version: def?.version ?? null,
    description: def?.description ?? null,
    engines: def ? { opsdeck: def.engines.opsdeck } : null,
    requires: { ...def?.requires },
    defaultEnabled: def?.defaultEnabled ?? true,
    permissions: def?.permissions ?? [],
    slots: def?.slots ?? {},
    procedures: record.procedures.map((p) => ({
      path: p.path,
      type: p.type,
      access: p.access ?? null,
      description: p.description ?? null,
    })),
    settingsSchema: settingsJsonSchema(def?.settings),
    jobs: Object.keys(def?.jobs ?? {}),
    events: Object.keys(def?.events ?? {}),
    cli: (def?.cli ?? []).map((c) => ({ name: c.name, description: c.description, options: c.options ?? [] })),
    cliAliases: [...(def?.cliAliases ?? [])],
    dbSchema: def?.db?.schema ?? null,
  };
  summaries.set(record, summary);
  return summary;
}
