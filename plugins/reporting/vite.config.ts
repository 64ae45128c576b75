import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";
import { opsdeckPluginWeb } from "@opsdeck/plugin-sdk/vite";

// The web part: one ES module, dist/web/web.js (+ web.css), with React, TanStack, the SDK and the UI kit taken
// from the shell's import map. The host serves dist/web at /plugins/<id>/.
export default defineConfig({ plugins: [tailwindcss(), opsdeckPluginWeb()] });
