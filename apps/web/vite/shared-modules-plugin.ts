// Shares the shell's copies of React, TanStack, the SDK and the UI kit with plugin bundles loaded at run time.
// The build gets one extra entry per shared package (`shared/<name>`) that re-exports it by name, and
// index.html gets an import map from each package name to that entry's hashed file, so a plugin's
// `import { useState } from "react"` lands on the shell's React. In dev the map points at the same
// re-export modules served by Vite, which resolves them onto its pre-bundled deps: still one copy.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { HtmlTagDescriptor, Plugin, ResolvedConfig } from "vite";
import { SHARED_MODULES } from "../../../packages/plugin-sdk/src/web/shared-modules.ts";

const PREFIX = "opsdeck-shared:";
const RESOLVED = `\0${PREFIX}`;

/** `@tanstack/react-query` → `shared/tanstack-react-query`: the entry (and file) name of a shared package. */
export function sharedEntryName(pkg: string): string {
  return `shared/${pkg.replace(/^@/, "").replace(/[/]/g, "-")}`;
}

/** The package.json of the package a bare specifier belongs to (`react/jsx-runtime` → react's). */
function packageJsonOf(resolved: string, name: string): { type?: string; module?: string; exports?: unknown } {
  let dir = path.dirname(resolved);
  while (dir !== path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; type?: string; module?: string; exports?: unknown };
      if (pkg.name === name) return pkg;
    }
    dir = path.dirname(dir);
  }
  return {};
}

/** Whether a package offers an ES module build to bundlers (`import` condition, `module` or `type: module`). */
function hasEsmBuild(pkg: { type?: string; module?: string; exports?: unknown }): boolean {
  return pkg.type === "module" || Boolean(pkg.module) || JSON.stringify(pkg.exports ?? {}).includes('"import"');
}

/** The named exports of a CommonJS-only package, read in Node: `export *` of CommonJS exports nothing. */
function commonJsExports(root: string, specifier: string): string[] | undefined {
  const require = createRequire(path.join(root, "package.json"));
  const name = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!;
  if (hasEsmBuild(packageJsonOf(require.resolve(specifier), name))) return undefined;
  const loaded = require(specifier) as Record<string, unknown>;
  return Object.keys(loaded).filter((key) => key !== "default" && key !== "__esModule" && /^[A-Za-z_$][\w$]*$/.test(key));
}

/** The source of the re-export module for one shared package. */
export function sharedEntrySource(root: string, pkg: string): string {
  const names = pkg.startsWith("@opsdeck/") ? undefined : commonJsExports(root, pkg);
  if (!names) return `export * from ${JSON.stringify(pkg)};\n`;
  // A plugin may also `import React from "react"`: give CommonJS packages their default too.
  return [
    `import * as all from ${JSON.stringify(pkg)};`,
    `export { ${names.join(", ")} } from ${JSON.stringify(pkg)};`,
    `export default all;`,
    "",
  ].join("\n");
}

/** Builds the shared entries and writes the import map into index.html (build and dev). */
export function sharedModulesPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: "opsdeck:shared-modules",
    config(_user, env) {
      if (env.command !== "build") return;
      const input: Record<string, string> = { index: "index.html" };
      for (const pkg of SHARED_MODULES) input[sharedEntryName(pkg)] = `${PREFIX}${pkg}`;
      return {
        build: {
          rolldownOptions: {
            input,
            // Without this the bundler drops the exports of an entry nobody imports.
            preserveEntrySignatures: "exports-only",
          },
        },
      };
    },
    configResolved(resolved) {
      config = resolved;
    },
    resolveId(id) {
      if (id.startsWith(PREFIX)) return `${RESOLVED}${id.slice(PREFIX.length)}`;
      if (id.startsWith(RESOLVED)) return id;
      return undefined;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return undefined;
      return sharedEntrySource(config.root, id.slice(RESOLVED.length));
    },
    transformIndexHtml: {
      handler(_html, ctx): HtmlTagDescriptor[] {
        const imports: Record<string, string> = {};
        const base = config.base.endsWith("/") ? config.base : `${config.base}/`;
        for (const pkg of SHARED_MODULES) {
          if (ctx.bundle) {
            const chunk = Object.values(ctx.bundle).find(
              (c) => c.type === "chunk" && c.isEntry && c.name === sharedEntryName(pkg),
            );
            if (!chunk) throw new Error(`shared entry for ${pkg} is missing from the bundle`);
            imports[pkg] = `${base}${chunk.fileName}`;
          } else {
            // Dev: Vite serves a resolvable id under /@id/ and rewrites its imports onto the optimized deps.
            imports[pkg] = `${base}@id/${PREFIX}${pkg}`;
          }
        }
        return [
          {
            tag: "script",
            attrs: { type: "importmap" },
            children: JSON.stringify({ imports }, null, 2),
            injectTo: "head-prepend",
          },
        ];
      },
    },
  };
}
