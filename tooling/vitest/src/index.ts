import { defineConfig, type ViteUserConfig } from "vitest/config";

export interface OpsdeckVitestOptions {
  /** Run every test file once per database backend (PGlite and PostgreSQL). */
  databases?: boolean;
  /** Extra per-file timeout for slow suites (migrations, browsers). */
  testTimeout?: number;
}

const backends = ["pglite", "postgres"] as const;

/**
 * The shared vitest preset: JSON report in `test-results/` (read by `.ci/run`'s summary), and one
 * project per database backend when the package's tests touch the database.
 */
export function opsdeckVitestConfig(options: OpsdeckVitestOptions = {}): ViteUserConfig {
  const testTimeout = options.testTimeout ?? 60_000;
  const shared = {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout,
    hookTimeout: testTimeout,
  };
  const selected = process.env.OPSDECK_TEST_DB;
  const wanted = backends.filter((b) => !selected || selected === b);
  return defineConfig({
    test: {
      reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
      ...(options.databases
        ? {
            projects: wanted.map((backend) => ({
              extends: true,
              test: { ...shared, name: backend, env: { OPSDECK_TEST_DB: backend } },
            })),
          }
        : shared),
    },
  });
}
