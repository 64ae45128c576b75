// Renders Storybook stories in headless Chromium and saves PNGs, reporting any console or page error.
//   pnpm --filter @opsdeck/ui build-storybook && pnpm --filter @opsdeck/ui screenshots [story-id…] [--all] [--chromium=PATH]
// Uses Debian's Chromium (/usr/bin/chromium by default); never downloads a browser.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

const root = path.resolve(import.meta.dirname, "..");
const staticDir = path.join(root, "storybook-static");
const outDir = path.join(root, "screenshots");

const DEFAULT_STORIES = [
  "layout-appshell--default",
  "layout-appshell--dark",
  "data-datatable--server-side",
  "data-datatable--selection-active",
  "data-datatable--dark",
  "data-stattile--grid",
  "data-stattile--dark",
  "charts-gallery--all-charts",
  "charts-gallery--dark",
  "forms-form-field--validation-errors",
  "forms-form-field--dark",
  "overlays-commandpalette--open",
  "foundations-tokens--dark",
];

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
};

function serve(): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    if (pathname === "/favicon.ico") {
      response.writeHead(204).end();
      return;
    }
    const file = path.join(staticDir, pathname === "/" ? "index.html" : pathname);
    if (!file.startsWith(staticDir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}` });
    });
  });
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(staticDir, "index.json"))) throw new Error("Build Storybook first: pnpm build-storybook");
  const args = process.argv.slice(2);
  const index = JSON.parse(fs.readFileSync(path.join(staticDir, "index.json"), "utf8")) as { entries: Record<string, unknown> };
  const ids = args.includes("--all")
    ? Object.keys(index.entries)
    : args.filter((arg) => !arg.startsWith("--")).length > 0
      ? args.filter((arg) => !arg.startsWith("--"))
      : DEFAULT_STORIES;
  fs.mkdirSync(outDir, { recursive: true });

  const { server, url } = await serve();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "opsdeck-chromium-"));
  // A fresh profile per run (playwright passes it as --user-data-dir).
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: args.find((arg) => arg.startsWith("--chromium="))?.slice("--chromium=".length) ?? "/usr/bin/chromium",
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  let problems = 0;
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    for (const id of ids) {
      const errors: string[] = [];
      const onConsole = (message: { type(): string; text(): string }) => {
        if (message.type() === "error") errors.push(message.text());
      };
      const onError = (error: Error) => errors.push(error.message);
      page.on("console", onConsole);
      page.on("pageerror", onError);
      // Stories named "…--mobile" are shot at a phone's width (iframe.html has no viewport toolbar).
      await page.setViewportSize(id.endsWith("--mobile") ? { width: 390, height: 844 } : { width: 1280, height: 800 });
      await page.goto(`${url}/iframe.html?id=${id}&viewMode=story`, { waitUntil: "networkidle" });
      await page.waitForSelector("#storybook-root > *, body > [role=dialog], body > [role=alertdialog]", { state: "attached", timeout: 10_000 }).catch(() => errors.push("story did not render"));
      // Fake servers answer after 350 ms; charts and toasts settle after their entry animation.
      await page.waitForTimeout(900);
      await page.screenshot({ path: path.join(outDir, `${id}.png`), fullPage: true });
      page.off("console", onConsole);
      page.off("pageerror", onError);
      if (errors.length > 0) problems += 1;
      console.log(`${errors.length === 0 ? "ok  " : "FAIL"} ${id}${errors.length ? `\n     ${errors.join("\n     ")}` : ""}`);
    }
  } finally {
    await context.close();
    server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  console.log(`${ids.length - problems} stories clean, ${problems} with errors; PNGs in ${path.relative(process.cwd(), outDir)}/`);
  process.exitCode = problems > 0 ? 1 : 0;
}

await main();
