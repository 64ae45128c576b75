// `pnpm bench host-overhead [seconds] [connections] [rounds]`: throughput of the authenticated core procedure
// (`GET /api/trpc/core/me` through the plugin host) against a bare node:http handler, each in its own
// process, loaded from this one over keep-alive connections. The machine is shared, so the two are measured
// in alternating rounds and the best round of each is kept. Prints both rates and their ratio.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";

const seconds = Number(process.argv[2] ?? 5);
const connections = Number(process.argv[3] ?? 32);
const rounds = Number(process.argv[4] ?? 3);
const warmupSeconds = 2;

function start(mode: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, "host-overhead.server.ts"), mode], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${mode} server exited with ${code}`)));
    child.stdout.on("data", (chunk: Buffer) => {
      const match = /ready (\d+)/.exec(chunk.toString());
      if (match) resolve({ child, port: Number(match[1]) });
    });
  });
}

/** Keeps `connections` requests in flight for `ms`; returns how many completed with status 200. */
function load(port: string | number, urlPath: string, ms: number): Promise<{ ok: number; failed: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  let ok = 0;
  let failed = 0;
  const until = Date.now() + ms;
  const one = (): Promise<void> =>
    new Promise((resolve) => {
      const req = http.get({ host: "127.0.0.1", port, path: urlPath, agent }, (res) => {
        res.resume();
        res.on("end", () => {
          if (res.statusCode === 200) ok += 1;
          else failed += 1;
          resolve();
        });
      });
      req.on("error", () => {
        failed += 1;
        resolve();
      });
    });
  const worker = async () => {
    while (Date.now() < until) await one();
  };
  return Promise.all(Array.from({ length: connections }, worker)).then(() => {
    agent.destroy();
    return { ok, failed };
  });
}

const servers = { bare: await start("bare"), trpc: await start("trpc"), host: await start("host") };
const best = { bare: 0, trpc: 0, host: 0 };
try {
  for (const server of Object.values(servers)) await load(server.port, "/api/trpc/core/me", warmupSeconds * 1000);
  for (let round = 0; round < rounds; round += 1) {
    for (const mode of ["bare", "trpc", "host"] as const) {
      const { ok, failed } = await load(servers[mode].port, "/api/trpc/core/me", seconds * 1000);
      if (failed) throw new Error(`${mode}: ${failed} requests failed`);
      best[mode] = Math.max(best[mode], ok / seconds);
    }
  }
} finally {
  for (const server of Object.values(servers)) server.child.kill("SIGTERM");
}
console.log(`bare node:http handler         ${best.bare.toFixed(0).padStart(7)} req/s`);
console.log(`plain tRPC, public query       ${best.trpc.toFixed(0).padStart(7)} req/s  (tRPC's own node adapter, no context)`);
console.log(`host, core.me (authenticated)  ${best.host.toFixed(0).padStart(7)} req/s`);
console.log(
  `ratio host/bare                ${(best.host / best.bare).toFixed(2)}  (goal >= 0.40; best of ${rounds} rounds of ${seconds} s, ${connections} connections)`,
);
