import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { PluginSource } from "./plugin-record.ts";

interface PackageJson {
  name?: string;
  exports?: Record<string, unknown> | string;
}

/** The file an `exports` entry points to (a string, or conditions such as `import`/`default`). */
function exportTarget(entry: unknown): string | undefined {
  if (typeof entry === "string") return entry;
  if (typeof entry !== "object" || entry === null) return undefined;
  const conditions = entry as Record<string, unknown>;
  for (const key of ["node", "import", "default"]) {
    const target = exportTarget(conditions[key]);
    if (target) return target;
  }
  return undefined;
}

function packageFolders(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory() && !entry.isSymbolicLink()) continue;
    const folder = path.join(dir, entry.name);
    // Installed packages may be scoped: <dir>/@acme/<name>.
    if (entry.name.startsWith("@")) out.push(...packageFolders(folder));
    else if (fs.existsSync(path.join(folder, "package.json"))) out.push(folder);
  }
  return out;
}

/**
 * Finds plugins in folders such as the workspace's `plugins/` and the installed-plugins directory: each
 * sub-folder whose package.json exports `./server`. Nothing is imported yet; the host imports each
 * source and reports one that fails as unhealthy.
 */
export function discoverPlugins(dirs: string[]): PluginSource[] {
  const sources: PluginSource[] = [];
  for (const dir of dirs) {
    for (const folder of packageFolders(path.resolve(dir))) {
      let pkg: PackageJson;
      try {
        pkg = JSON.parse(fs.readFileSync(path.join(folder, "package.json"), "utf8")) as PackageJson;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        sources.push({ source: folder, root: folder, load: () => Promise.reject(new Error(`unreadable package.json: ${message}`)) });
        continue;
      }
      const target = typeof pkg.exports === "object" ? exportTarget(pkg.exports["./server"]) : undefined;
      if (!target) continue;
      const file = path.resolve(folder, target);
      sources.push({ source: pkg.name ?? folder, root: folder, load: () => import(pathToFileURL(file).href) });
    }
  }
  return sources;
}
