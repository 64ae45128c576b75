// The server side of `pnpm bench host-overhead`: a bare node:http handler, or the plugin host serving the
// authenticated core procedure `core.me`. Prints `ready <port>` on stdout once listening.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createMember, createOrganization, migrateCore, systemContext } from "@opsdeck/core";
import { openDatabase } from "@opsdeck/db";
import { initTRPC } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import superjson from "superjson";
import { createPluginHost } from "../src/host.ts";
import { benchEnv } from "./env.ts";

const mode = process.argv[2] ?? "bare";

async function handlerFor(): Promise<http.RequestListener> {
  if (mode === "bare") {
    const body = JSON.stringify({ result: { data: { json: { ok: true } } } });
    return (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" }).end(body);
    };
  }
  if (mode === "trpc") {
    // Plain tRPC (its own node adapter, no context, no checks): the floor any tRPC host starts from.
    const t = initTRPC.create({ transformer: superjson });
    const appRouter = t.router({ me: t.procedure.query(() => ({ ok: true })) });
    const handler = createHTTPHandler({ router: appRouter, basePath: "/api/trpc/core/" });
    return (req, res) => void handler(req, res);
  }
  const opened = await openDatabase({ url: benchEnv.DATABASE_URL, dataDir: "memory://" });
  await migrateCore(opened.db);
  const org = await createOrganization(opened.db, { slug: "bench", name: "Bench" });
  const owner = await createMember(systemContext(opened.db, org.id), { email: "owner@bench.test", name: "Owner", role: "owner" });
  const host = await createPluginHost({ opened, opsdeckVersion: "0.1.0", plugins: [] });
  // Stands for the server's session lookup: the bench measures the host, not the session store.
  const identity = { userId: owner.userId, email: owner.email, name: owner.name, organizationId: org.id };
  const handle = host.nodeHandler(() => identity);
  return (req, res) => {
    void handle(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  };
}

const server = http.createServer(await handlerFor());
server.keepAliveTimeout = 65_000;
server.listen(0, "127.0.0.1", () => {
  console.log(`ready ${(server.address() as AddressInfo).port}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
