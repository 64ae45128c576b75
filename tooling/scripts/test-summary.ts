// Adds up every vitest JSON report under the repository into the one line CI reads: `N passed, N failed`.
import fs from "node:fs";
import path from "node:path";

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests?: number;
  testResults?: { name: string; status: string; assertionResults?: unknown[]; message?: string }[];
}

const root = path.resolve(import.meta.dirname, "../..");

/** Every `test-results/*.json` in workspace packages (not in node_modules). */
export function findReports(dir = root, depth = 0): string[] {
  if (depth > 3) return [];
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.name === "test-results") {
      for (const file of fs.readdirSync(full)) if (file.endsWith(".json")) found.push(path.join(full, file));
    } else {
      found.push(...findReports(full, depth + 1));
    }
  }
  return found;
}

export function summarize(files: string[]): { passed: number; failed: number; skipped: number } {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const file of files) {
    const report = JSON.parse(fs.readFileSync(file, "utf8")) as VitestReport;
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests ?? 0;
    // A test file that failed to load has no test results but must still count as a failure.
    for (const suite of report.testResults ?? []) {
      if (suite.status === "failed" && (suite.assertionResults?.length ?? 0) === 0) failed += 1;
    }
  }
  return { passed, failed, skipped };
}

if (import.meta.main) {
  const { passed, failed, skipped } = summarize(findReports());
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exitCode = failed > 0 ? 1 : 0;
}
