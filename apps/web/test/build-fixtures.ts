// Builds the web part of each fixture plugin (test/fixtures/plugins/*) with the SDK's Vite preset, as a
// plugin author would: `dist/web/web.js`, with React, TanStack, the SDK and the UI kit left to the shell.
import fs from "node:fs";
import path from "node:path";
import { build } from "vite";
import { opsdeckPluginWeb } from "../../../packages/plugin-sdk/src/web/vite-preset.ts";

const root = path.resolve(import.meta.dirname, "fixtures/plugins");

/** Builds every fixture; returns the bundles written. */
export async function buildFixturePlugins(): Promise<string[]> {
  const written: string[] = [];
  for (const name of fs.readdirSync(root).sort()) {
    const folder = path.join(root, name);
    if (!fs.existsSync(path.join(folder, "src/web/index.tsx"))) continue;
    await build({ root: folder, configFile: false, logLevel: "warn", plugins: [opsdeckPluginWeb()] });
    written.push(path.join(folder, "dist/web/web.js"));
  }
  return written;
}

if (import.meta.main) {
  const bundles = await buildFixturePlugins();
  for (const file of bundles) console.log(`${path.relative(process.cwd(), file)} ${fs.statSync(file).size} bytes`);
}
