// `pnpm bench <name> [args]`: runs `<workspace package>/bench/<name>.bench.ts` on the pinned Node, from that
// package's folder. Benchmarks print their figures next to a baseline measured in the same run.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const [name, ...args] = process.argv.slice(2);

function findBenches(): Map<string, string> {
  const found = new Map<string, string>();
  for (const group of ["apps", "packages", "plugins"]) {
    const groupDir = path.join(root, group);
    if (!fs.existsSync(groupDir)) continue;
    for (const pkg of fs.readdirSync(groupDir)) {
      const benchDir = path.join(groupDir, pkg, "bench");
      if (!fs.existsSync(benchDir)) continue;
      for (const file of fs.readdirSync(benchDir)) {
        if (file.endsWith(".bench.ts")) found.set(file.replace(/\.bench\.ts$/, ""), path.join(benchDir, file));
      }
    }
  }
  return found;
}

const benches = findBenches();
if (!name || !benches.has(name)) {
  console.error(`usage: pnpm bench <${[...benches.keys()].sort().join("|")}> [args]`);
  process.exit(2);
}
const file = benches.get(name)!;
const run = spawnSync(process.execPath, ["--expose-gc", file, ...args], {
  cwd: path.dirname(path.dirname(file)),
  stdio: "inherit",
});
process.exit(run.status ?? 1);
