import { isWebPluginDefinition, type WebPluginDefinition } from "@opsdeck/plugin-sdk/web";
import type { InstalledPlugin } from "./installed-plugins.ts";

/** A plugin whose web part the shell tried to load for this page. */
export type PluginLoad =
  | { id: string; name: string; status: "loaded"; definition: WebPluginDefinition }
  | { id: string; name: string; status: "failed"; error: Error };

const LOAD_TIMEOUT_MS = 15_000;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not load within ${ms / 1000} s.`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}

function addStylesheet(href: string): void {
  if (document.querySelector(`link[rel="stylesheet"][href="${CSS.escape(href)}"]`)) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  document.head.append(link);
}

/** Which plugins' bundles this page loads: enabled, healthy, visible to the user, and with a web part. */
export function pluginsToLoad(installed: readonly InstalledPlugin[]): InstalledPlugin[] {
  return installed.filter((p) => p.visible && p.enabled && p.health === "healthy" && p.web);
}

async function loadOne(plugin: InstalledPlugin): Promise<PluginLoad> {
  try {
    if (plugin.web!.style) addStylesheet(plugin.web!.style);
    const module = await withTimeout(
      import(/* @vite-ignore */ plugin.web!.entry) as Promise<{ default?: unknown }>,
      LOAD_TIMEOUT_MS,
      `The web bundle of ${plugin.name}`,
    );
    const definition = module.default;
    if (!isWebPluginDefinition(definition)) {
      throw new Error("Its web bundle does not default-export defineWebPlugin({ ... }).");
    }
    if (definition.id !== plugin.id) {
      throw new Error(`Its web bundle declares the id "${definition.id}" instead of "${plugin.id}".`);
    }
    return { id: plugin.id, name: plugin.name, status: "loaded", definition };
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    console.error(`[opsdeck] the web bundle of the plugin "${plugin.id}" failed to load`, error);
    return { id: plugin.id, name: plugin.name, status: "failed", error };
  }
}

/** Imports the web bundles of the given plugins in parallel; one that fails or throws is reported, never fatal. */
export function loadWebPlugins(plugins: readonly InstalledPlugin[]): Promise<PluginLoad[]> {
  return Promise.all(plugins.map(loadOne));
}
