// `pnpm bench api [--seconds 5] [--rounds 3] [--connections 50] [--pglite]`: requests/s and latency of an
// authenticated core procedure (`GET /api/trpc/core/me`, session cookie) next to a bare node:http handler, same
// machine, same run. Each server runs in its own process; the load generator (autocannon) runs in this one.
// The two are measured in alternating rounds, so a burst of other work on the machine lands on both rather
// than on one of them; the ratio is the median of the rounds' ratios.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { createMember, createOrganization, migrateCore, systemContext } from "@opsdeck/core";
import { openDatabase } from "@opsdeck/db";
import { createTestDatabase } from "@opsdeck/db/testing";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "5" },
    rounds: { type: "string", default: "3" },
    connections: { type: "string", default: "50" },
    pglite: { type: "boolean", default: false },
  },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const connections = Number(values.connections);

function startChild(script: string, env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(import.meta.dirname, script)], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) resolve({ url: m[1]!, child });
    });
    child.on("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

type Result = { rps: number; p50: number; p99: number; total: number; cpuUs: number };

async function load(url: string, child: ChildProcess, headers: Record<string, string>): Promise<Result> {
  const cpuBefore = cpuMs(child.pid!);
  const r = await autocannon({ url, connections, duration: seconds, headers });
  const cpu = cpuMs(child.pid!) - cpuBefore;
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  // Server CPU per request does not depend on what else the machine runs; requests/s does.
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total, cpuUs: (cpu * 1000) / r.requests.total };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "opsdeck-bench-api-"));
const test = values.pglite ? undefined : await createTestDatabase("postgres");
const env: Record<string, string> = test ? { DATABASE_URL: test.url! } : { OPSDECK_DATA_DIR: path.join(dir, "data"), DATABASE_URL: "" };
{
  const opened = await openDatabase({ url: test?.url, dataDir: env.OPSDECK_DATA_DIR });
  await migrateCore(opened.db);
  const org = await createOrganization(opened.db, { slug: "bench", name: "Bench" });
  await createMember(systemContext(opened.db, org.id), { email: "bench@bench.test", name: "Bench", role: "rep", password: "bench-password-1" });
  await opened.close();
}

const bare = await startChild("bare-server.ts", {});
const opsdeck = await startChild("opsdeck-server.ts", env);
const signIn = await fetch(`${opsdeck.url}/api/auth/sign-in`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ email: "bench@bench.test", password: "bench-password-1" }),
});
const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
const check = await fetch(`${opsdeck.url}/api/trpc/core/me`, { headers: { cookie } });
if (check.status !== 200) throw new Error(`core.me answered ${check.status}: ${await check.text()}`);
const targets = {
  bare: { url: `${bare.url}/api/trpc/core/me`, child: bare.child, headers: {} },
  opsdeck: { url: `${opsdeck.url}/api/trpc/core/me`, child: opsdeck.child, headers: { cookie } },
};
// Warm up both (JIT, connection pools, caches), then measure them in turn, round after round.
for (const t of Object.values(targets)) await autocannon({ url: t.url, connections, duration: 2, headers: t.headers });
const results: { bare: Result; opsdeck: Result }[] = [];
for (let round = 0; round < rounds; round++) {
  const bareRound = await load(targets.bare.url, targets.bare.child, targets.bare.headers);
  const opsRound = await load(targets.opsdeck.url, targets.opsdeck.child, targets.opsdeck.headers);
  results.push({ bare: bareRound, opsdeck: opsRound });
}
for (const child of [bare.child, opsdeck.child]) {
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
}
await test?.destroy();
fs.rmSync(dir, { recursive: true, force: true });

/** The round whose requests/s is the median, for each server. */
const typical = (pick: (r: (typeof results)[number]) => Result): Result => {
  const m = median(results.map((r) => pick(r).rps));
  return results.map(pick).find((r) => r.rps === m)!;
};
const bareResult = typical((r) => r.bare);
const opsResult = typical((r) => r.opsdeck);
const ratios = results.map((r) => r.opsdeck.rps / r.bare.rps);
const worstP99 = Math.max(...results.map((r) => r.opsdeck.p99));

const row = (name: string, r: typeof bareResult) =>
  `${name.padEnd(34)} ${r.rps.toFixed(0).padStart(8)} req/s   p50 ${String(r.p50).padStart(3)} ms   p99 ${String(r.p99).padStart(3)} ms   server CPU ${r.cpuUs.toFixed(0).padStart(3)} µs/request`;
console.log(`\nAPI bench: ${connections} connections, ${rounds} alternating rounds of ${seconds} s each, ${test ? "PostgreSQL" : "PGlite"}, ${os.cpus().length} cores (median round shown)`);
console.log(row("bare node:http handler", bareResult));
console.log(row("opsdeck core.me (signed in)", opsResult));
console.log(`load average during the run: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} (other work on the machine lowers both figures unevenly)`);
console.log(`ratio per round: ${ratios.map((r) => r.toFixed(2)).join(", ")}`);
console.log(`ratio opsdeck / bare (median of the rounds): ${median(ratios).toFixed(2)} (goal ≥ 0.40), p99 ${worstP99} ms in the worst round (goal < 20 ms)`);
