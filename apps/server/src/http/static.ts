import fs from "node:fs";
import type { ServerResponse } from "node:http";
import path from "node:path";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import { sendError } from "./respond.ts";
import type { Route } from "./server.ts";

export interface StaticRoutesOptions {
  /** The built shell: `apps/web/dist`. */
  webDist: string;
  /** The folder of an installed plugin (its web bundle is in `<folder>/dist/web`), or undefined. */
  pluginRoot: (pluginId: string) => string | undefined;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".map", ".svg", ".txt"]);
const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";
const PLUGIN_PATH = /^\/plugins\/([a-z][a-z0-9-]*)\/(.+)$/;

interface Variant {
  body: Buffer;
  encoding: "br" | "gzip" | undefined;
}
interface CachedFile {
  key: string;
  etag: string;
  mtime: Date;
  raw: Buffer;
  variants: Map<string, Variant>;
}

/** Resolves `rel` inside `root`; undefined when it escapes the folder (`..`, absolute, NUL). */
function inside(root: string, rel: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rel);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0")) return undefined;
  const full = path.resolve(root, `.${path.posix.sep}${decoded}`);
  return full === root || full.startsWith(root + path.sep) ? full : undefined;
}

/**
 * Serves the built web shell and the plugins' web bundles:
 * - `/assets/*` (content-hashed by Vite) with a one-year immutable cache;
 * - `/plugins/<id>/<file>` from `<plugin folder>/dist/web/<file>`, revalidated with an ETag (file names are
 *   stable across plugin versions, so a cached copy must be checked);
 * - any other GET that is not `/api/*` and not a file: `index.html` (the router handles the path), never cached.
 * Text is sent gzip- or brotli-compressed when the browser accepts it (compressed once, kept in memory).
 */
export function staticRoutes(options: StaticRoutesOptions): Route {
  const webDist = path.resolve(options.webDist);
  const cache = new Map<string, CachedFile>();

  const load = (file: string): CachedFile | undefined => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return undefined;
    }
    if (!stat.isFile()) return undefined;
    const key = `${stat.size}-${stat.mtimeMs}`;
    const hit = cache.get(file);
    if (hit?.key === key) return hit;
    const entry: CachedFile = {
      key,
      etag: `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`,
      mtime: stat.mtime,
      raw: fs.readFileSync(file),
      variants: new Map(),
    };
    cache.set(file, entry);
    return entry;
  };

  const send = (req: { method?: string | undefined; headers: Record<string, string | string[] | undefined> }, res: ServerResponse, file: string, cacheControl: string): boolean => {
    const entry = load(file);
    if (!entry) return false;
    const ext = path.extname(file).toLowerCase();
    const headers: Record<string, string> = {
      "content-type": TYPES[ext] ?? "application/octet-stream",
      "cache-control": cacheControl,
      etag: entry.etag,
      "last-modified": entry.mtime.toUTCString(),
      "x-content-type-options": "nosniff",
    };
    if (COMPRESSIBLE.has(ext)) headers.vary = "accept-encoding";
    if (ext === ".html") headers["referrer-policy"] = "same-origin";
    if (req.headers["if-none-match"] === entry.etag) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    const variant = pickVariant(entry, ext, String(req.headers["accept-encoding"] ?? ""));
    if (variant.encoding) headers["content-encoding"] = variant.encoding;
    headers["content-length"] = String(variant.body.length);
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : variant.body);
    return true;
  };

  return ({ req, res, path: pathname }) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    if (pathname.startsWith("/api/") || pathname === "/api") return false;

    const plugin = PLUGIN_PATH.exec(pathname);
    if (plugin || pathname.startsWith("/plugins/")) {
      const root = plugin ? options.pluginRoot(plugin[1]!) : undefined;
      const file = root && plugin ? inside(path.resolve(root, "dist", "web"), plugin[2]!) : undefined;
      if (file && send(req, res, file, REVALIDATE)) return true;
      sendError(res, 404, "NOT_FOUND", `No plugin file ${pathname}.`);
      return true;
    }

    if (pathname.startsWith("/assets/")) {
      const file = inside(webDist, pathname.slice(1));
      if (file && send(req, res, file, IMMUTABLE)) return true;
      // A missing script must be a 404, not the HTML page (the browser would report a MIME error instead).
      sendError(res, 404, "NOT_FOUND", `No asset ${pathname}.`);
      return true;
    }

    if (pathname !== "/" && path.posix.extname(pathname)) {
      const file = inside(webDist, pathname.slice(1));
      if (file && path.basename(file) !== "index.html" && send(req, res, file, REVALIDATE)) return true;
      sendError(res, 404, "NOT_FOUND", `No file ${pathname}.`);
      return true;
    }

    if (send(req, res, path.join(webDist, "index.html"), REVALIDATE)) return true;
    res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
    res.end("The web app is not built. Run `pnpm --filter @opsdeck/web build`, or use `pnpm --filter @opsdeck/web dev`.\n");
    return true;
  };
}

function pickVariant(entry: CachedFile, ext: string, acceptEncoding: string): Variant {
  // Tiny files are not worth the CPU; images and fonts are already compressed.
  if (!COMPRESSIBLE.has(ext) || entry.raw.length < 1024) return { body: entry.raw, encoding: undefined };
  const encoding = /\bbr\b/.test(acceptEncoding) ? "br" : /\bgzip\b/.test(acceptEncoding) ? "gzip" : undefined;
  if (!encoding) return { body: entry.raw, encoding: undefined };
  let variant = entry.variants.get(encoding);
  if (!variant) {
    const body =
      encoding === "br"
        ? brotliCompressSync(entry.raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: entry.raw.length } })
        : gzipSync(entry.raw, { level: 9 });
    variant = { body, encoding };
    entry.variants.set(encoding, variant);
  }
  return variant;
}
