// `pnpm test`: every package's tests on PGlite and on PostgreSQL, then the one-line summary.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { findReports, summarize } from "./test-summary.ts";

for (const report of findReports()) fs.rmSync(report, { force: true });

const extra = process.argv.slice(2);
const run = spawnSync("pnpm", ["exec", "turbo", "run", "test", "--concurrency=1", "--continue", ...extra], {
  stdio: "inherit",
});
const { passed, failed, skipped } = summarize(findReports());
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = run.status !== 0 || failed > 0 || passed === 0 ? 1 : 0;
