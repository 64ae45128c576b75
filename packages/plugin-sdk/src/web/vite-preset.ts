// The Vite preset for a plugin's web part (`@opsdeck/plugin-sdk/vite`): builds `src/web/index.tsx` into one
// ES module, `dist/web/web.js`, that imports React, TanStack Query/Router, the SDK and the UI kit from the
// shell's import map instead of bundling its own copies. The host serves `dist/web/*` at `/plugins/<id>/`.
import type { Plugin, UserConfig } from "vite";
import { isSharedModule, SHARED_MODULES } from "./shared-modules.ts";

export { SHARED_MODULES, isSharedModule };

export interface OpsdeckPluginWebOptions {
  /** The web entry, relative to the plugin's folder (default `src/web/index.tsx`). */
  entry?: string;
  /** Where the bundle goes (default `dist/web`; the host serves only this folder). */
  outDir?: string;
}

/** Vite plugin: `defineConfig({ plugins: [react(), opsdeckPluginWeb()] })` in the plugin's `vite.config.ts`. */
export function opsdeckPluginWeb(options: OpsdeckPluginWebOptions = {}): Plugin {
  return {
    name: "opsdeck:plugin-web",
    config(_user, env): UserConfig {
      const production = env.mode !== "development";
      return {
        // Shared packages read process.env.NODE_ENV; a browser has no `process`.
        define: { "process.env.NODE_ENV": JSON.stringify(production ? "production" : "development") },
        oxc: { jsx: { runtime: "automatic" } },
        build: {
          lib: {
            entry: options.entry ?? "src/web/index.tsx",
            formats: ["es"],
            fileName: () => "web.js",
            cssFileName: "web",
          },
          outDir: options.outDir ?? "dist/web",
          emptyOutDir: true,
          target: "es2023",
          sourcemap: true,
          minify: production,
          // A plugin is one file: the shell loads it with a single import().
          rolldownOptions: {
            external: (id: string) => isSharedModule(id),
            output: { codeSplitting: false },
          },
        },
      };
    },
  };
}
