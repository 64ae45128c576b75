import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../logger.ts";
import { createHttpServer, type OpsdeckHttpServer } from "./server.ts";
import { staticRoutes } from "./static.ts";

let dir: string;
let http: OpsdeckHttpServer;
let url: string;
const big = `export const x = ${JSON.stringify("opsdeck ".repeat(500))};\n`;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "opsdeck-static-"));
  const dist = path.join(dir, "web");
  fs.mkdirSync(path.join(dist, "assets/shared"), { recursive: true });
  fs.writeFileSync(path.join(dist, "index.html"), '<!doctype html><script type="importmap">{}</script>');
  fs.writeFileSync(path.join(dist, "assets/index-abc123.js"), big);
  fs.writeFileSync(path.join(dist, "favicon.svg"), "<svg/>");
  fs.writeFileSync(path.join(dir, "secret.txt"), "do not serve");
  const plugin = path.join(dir, "plugins/hello");
  fs.mkdirSync(path.join(plugin, "dist/web"), { recursive: true });
  fs.writeFileSync(path.join(plugin, "dist/web/web.js"), "export default {};\n");
  fs.writeFileSync(path.join(plugin, "package.json"), "{}");
  const route = staticRoutes({ webDist: dist, pluginRoot: (id) => (id === "hello" ? plugin : undefined) });
  http = createHttpServer([route], createLogger({ LOG_LEVEL: "silent" }));
  url = await http.listen(0, "127.0.0.1");
});

afterAll(async () => {
  await http?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("serving the web shell", () => {
  it("answers any app path with index.html, never cached", async () => {
    for (const p of ["/", "/admin/users", "/hello/rules/42"]) {
      const res = await fetch(`${url}${p}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(await res.text()).toContain("importmap");
    }
  });

  it("serves hashed assets for a year, compressed when the browser accepts it, and 304 on a matching ETag", async () => {
    const res = await fetch(`${url}/assets/index-abc123.js`, { headers: { "accept-encoding": "gzip" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("content-type")).toContain("text/javascript");
    expect(await res.text()).toBe(big); // fetch decodes; the raw size is checked below
    const raw = await new Promise<Buffer>((resolve) => {
      void import("node:http").then(({ get }) =>
        get(`${url}/assets/index-abc123.js`, { headers: { "accept-encoding": "gzip" } }, (r) => {
          expect(r.headers["content-encoding"]).toBe("gzip");
          const chunks: Buffer[] = [];
          r.on("data", (c: Buffer) => chunks.push(c)).on("end", () => resolve(Buffer.concat(chunks)));
        }),
      );
    });
    expect(raw.length).toBeLessThan(big.length / 4);
    expect(gunzipSync(raw).toString()).toBe(big);
    const again = await fetch(`${url}/assets/index-abc123.js`, { headers: { "if-none-match": res.headers.get("etag")! } });
    expect(again.status).toBe(304);
  });

  it("answers a missing asset or file with a 404, not the page", async () => {
    expect((await fetch(`${url}/assets/gone-123.js`)).status).toBe(404);
    expect((await fetch(`${url}/robots.txt`)).status).toBe(404);
    expect((await fetch(`${url}/favicon.svg`)).status).toBe(200);
  });

  it("serves a plugin's web bundle from its folder, revalidated, and nothing outside dist/web", async () => {
    const res = await fetch(`${url}/plugins/hello/web.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(await res.text()).toContain("export default");
    for (const p of ["/plugins/hello/package.json", "/plugins/hello/..%2F..%2F..%2Fsecret.txt", "/plugins/other/web.js", "/plugins/"]) {
      expect((await fetch(`${url}${p}`)).status, p).toBe(404);
    }
  });

  it("leaves the API and other methods to the other routes", async () => {
    expect((await fetch(`${url}/api/health`)).status).toBe(404);
    const post = await fetch(`${url}/`, { method: "POST" });
    expect(post.status).toBe(404);
    expect(await post.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });
});
