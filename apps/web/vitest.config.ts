import { defineConfig } from "vitest/config";

// Two projects: fast unit tests (Node), and browser tests that drive Debian's Chromium against the production
// build served by the real server (one server for the whole run, started by test/e2e/global-setup.ts).
// `pnpm test` builds the shell and the fixture plugins first.
export default defineConfig({
  test: {
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
    projects: [
      {
        test: {
          name: "unit",
          environment: "node",
          include: ["src/**/*.test.ts", "vite/**/*.test.ts", "test/*.test.ts"],
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          globalSetup: ["test/e2e/global-setup.ts"],
          // One browser at a time on a 2-core machine; files share the server, so they run one after another.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
