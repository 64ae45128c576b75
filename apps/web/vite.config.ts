import path from "node:path";
import tailwindcss from "@tailwindcss/vite";
import { tanstackRouter } from "@tanstack/router-plugin/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { sharedModulesPlugin } from "./vite/shared-modules-plugin.ts";

// `pnpm dev` proxies the API and plugin bundles to a running server (`pnpm start`, port 3000 by default).
const apiTarget = process.env.OPSDECK_API_URL ?? "http://127.0.0.1:3000";
const sdkWeb = path.resolve(import.meta.dirname, "../../packages/plugin-sdk/src/web/index.ts");

export default defineConfig({
  plugins: [
    tanstackRouter({ target: "react", autoCodeSplitting: true, quoteStyle: "double" }),
    react(),
    tailwindcss(),
    sharedModulesPlugin(),
  ],
  resolve: {
    // Until packages/plugin-sdk/package.json exports "./web" (see PACKAGE_JSON_CHANGES.md there).
    alias: [{ find: /^@opsdeck\/plugin-sdk\/web$/, replacement: sdkWeb }],
    // One copy of each, resolved from the shell, whichever package imports it (the SDK's web part too).
    dedupe: [
      "react",
      "react-dom",
      "@tanstack/react-query",
      "@tanstack/react-router",
      "@trpc/client",
      "@trpc/tanstack-react-query",
      "@opsdeck/ui",
      "superjson",
    ],
  },
  server: {
    proxy: {
      "/api": { target: apiTarget, changeOrigin: false },
      "/plugins": { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    target: "es2023",
    sourcemap: true,
    chunkSizeWarningLimit: 600,
  },
});
