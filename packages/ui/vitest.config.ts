import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The UI kit needs no database: one jsdom project, no PGlite/PostgreSQL split (tooling/vitest is for DB packages).
export default defineConfig({
  plugins: [react()],
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["./src/test/setup.ts"],
    css: false,
    restoreMocks: true,
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
  },
});
