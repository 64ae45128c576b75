import path from "node:path";
import { discoverPlugins } from "../../src/host/discover.ts";
import type { PluginSource } from "../../src/host/plugin-record.ts";

/** The folder of fixture plugins. */
export const FIXTURE_PLUGINS = path.join(import.meta.dirname, "../fixtures/plugins");

/** Discovered fixture plugins, optionally only the named folders' packages. */
export function fixtureSources(...folders: string[]): PluginSource[] {
  const all = discoverPlugins([FIXTURE_PLUGINS]);
  if (!folders.length) return all;
  return all.filter((s) => folders.some((f) => s.root === path.join(FIXTURE_PLUGINS, f)));
}
