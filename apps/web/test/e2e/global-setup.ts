import type { TestProject } from "vitest/node";
import { startServer, type RunningServer } from "../support/server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    admin: { email: string; password: string };
  }
}

let server: RunningServer | undefined;

/** One server with the demo organization and the fixture plugins for every browser test file. */
export async function setup(project: TestProject) {
  server = await startServer();
  // The shell and plugin bundles are served by apps/server/src/http/static.ts once app.ts mounts it.
  const res = await fetch(`${server.url}/`);
  const html = await res.text();
  if (!html.includes('type="importmap"')) {
    await server.stop();
    throw new Error(`The server at ${server.url} does not serve the built web shell (GET / answered ${res.status}): mount staticRoutes (apps/server/src/http/static.ts) and the plugin host in apps/server/src/app.ts.`);
  }
  project.provide("baseUrl", server.url);
  project.provide("admin", server.signIn);
}

export async function teardown() {
  await server?.stop();
}
