import semver from "semver";
import { isPluginDefinition } from "../manifest/define-plugin.ts";
import type { AnyPluginDefinition } from "../manifest/types.ts";
import { validatePlugin } from "../manifest/validate-plugin.ts";
import { fail, messageOf, type PluginRecord, type PluginSource } from "./plugin-record.ts";

function unwrapModule(loaded: unknown): unknown {
  if (isPluginDefinition(loaded)) return loaded;
  if (typeof loaded === "object" && loaded !== null && "default" in loaded) return loaded.default;
  return loaded;
}

async function loadOne(entry: PluginSource | AnyPluginDefinition, corePermissions: ReadonlySet<string>): Promise<PluginRecord> {
  const source = "load" in entry && typeof entry.load === "function" ? entry : undefined;
  const inlineId = typeof (entry as { id?: unknown }).id === "string" ? (entry as { id: string }).id : "inline";
  const record: PluginRecord = {
    id: source?.source ?? inlineId,
    source: source?.source ?? inlineId,
    root: source?.root,
    definition: undefined,
    health: "healthy",
    reason: undefined,
    procedures: [],
    migration: undefined,
  };
  let loaded: unknown = entry;
  if (source) {
    try {
      loaded = unwrapModule(await source.load());
    } catch (err) {
      fail(record, `import failed: ${messageOf(err)}`);
      return record;
    }
  }
  const id = (loaded as { id?: unknown } | null)?.id;
  if (typeof id === "string" && id) record.id = id;
  const check = validatePlugin(loaded, corePermissions);
  record.procedures = check.procedures;
  if (check.problems.length) {
    fail(record, `invalid plugin: ${check.problems.join("; ")}`);
    return record;
  }
  record.definition = loaded as AnyPluginDefinition;
  return record;
}

/**
 * Imports and validates every plugin, then checks ids are unique, `engines.opsdeck` admits the running
 * version and every `requires` is installed in a matching version. Returns every plugin, healthy or not,
 * healthy ones ordered so that a plugin comes after the plugins it requires.
 */
export async function loadPlugins(
  entries: Array<PluginSource | AnyPluginDefinition>,
  options: { opsdeckVersion: string; corePermissions: ReadonlySet<string> },
): Promise<PluginRecord[]> {
  const records: PluginRecord[] = [];
  for (const entry of entries) records.push(await loadOne(entry, options.corePermissions));

  const byId = new Map<string, PluginRecord>();
  for (const record of records) {
    if (!record.definition) continue;
    const first = byId.get(record.id);
    if (first) fail(record, `duplicate plugin id "${record.id}" (also provided by ${first.source})`);
    else byId.set(record.id, record);
  }
  for (const record of records) {
    const def = record.definition;
    if (!def || record.health !== "healthy") continue;
    if (!semver.satisfies(options.opsdeckVersion, def.engines.opsdeck, { includePrerelease: true })) {
      fail(record, `engines.opsdeck "${def.engines.opsdeck}" does not admit the running Opsdeck ${options.opsdeckVersion}`);
    }
  }
  resolveRequires(records, byId);
  return orderByRequires(records);
}

// Repeats until stable: a plugin whose requirement turned unhealthy is itself unusable.
function resolveRequires(records: PluginRecord[], byId: Map<string, PluginRecord>): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const record of records) {
      const def = record.definition;
      if (!def || record.health !== "healthy") continue;
      const problem = requiresProblem(def, byId);
      if (problem) {
        fail(record, problem);
        changed = true;
      }
    }
  }
}

/** Why a plugin's `requires` is not met by the given plugins (undefined when it is). */
export function requiresProblem(def: AnyPluginDefinition, byId: ReadonlyMap<string, PluginRecord>): string | undefined {
  for (const [id, range] of Object.entries(def.requires ?? {})) {
    const dep = byId.get(id);
    if (!dep?.definition) return `requires the plugin "${id}" (${range}), which is not installed`;
    if (!semver.satisfies(dep.definition.version, range, { includePrerelease: true })) {
      return `requires "${id}" ${range}, but ${dep.definition.version} is installed`;
    }
    if (dep.health !== "healthy") return `requires "${id}", which is unhealthy`;
  }
  return undefined;
}

function orderByRequires(records: PluginRecord[]): PluginRecord[] {
  const healthy = new Map(records.filter((r) => r.health === "healthy").map((r) => [r.id, r]));
  const ordered: PluginRecord[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (record: PluginRecord, trail: string[]) => {
    const seen = state.get(record.id);
    if (seen === "done") return;
    if (seen === "visiting") {
      fail(record, `circular requires: ${[...trail, record.id].join(" → ")}`);
      return;
    }
    state.set(record.id, "visiting");
    for (const dep of Object.keys(record.definition?.requires ?? {})) {
      const next = healthy.get(dep);
      if (next) visit(next, [...trail, record.id]);
      if (next?.health === "unhealthy") fail(record, `requires "${dep}", which is unhealthy`);
    }
    state.set(record.id, "done");
    ordered.push(record);
  };
  for (const record of healthy.values()) visit(record, []);
  return [...ordered, ...records.filter((r) => !ordered.includes(r))];
}
