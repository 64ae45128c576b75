import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPage, type LaunchedBrowser } from "../support/browser.ts";
import { launchChromium, server } from "../support/fixtures.ts";

const dist = path.resolve(import.meta.dirname, "../../dist");
/** The shell's JavaScript budget before any plugin: what it takes to show the first page after sign-in. */
const SHELL_JS_BUDGET_GZIP = 250 * 1024;

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const gzipSize = (file: string) => gzipSync(fs.readFileSync(file), { level: 9 }).length;

/** The gzipped size of the shell's JavaScript a page load fetches (plugin bundles refused), largest first. */
async function shellScripts(pathname: string, signedIn: boolean) {
  const { baseUrl, admin } = server();
  const { context, page } = await openPage(browser.browser);
  if (signedIn) await context.request.post(`${baseUrl}/api/auth/sign-in`, { data: admin, headers: { origin: baseUrl } });
  // Plugins are measured on their own: refuse their bundles so only the shell's code is fetched.
  await page.route("**/plugins/**", (route) => route.abort());
  const scripts = new Set<string>();
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith(".js")) scripts.add(url.pathname);
  });
  await page.goto(`${baseUrl}${pathname}`);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await page.waitForLoadState("networkidle");
  await context.close();
  const shell = [...scripts].filter((p) => p.startsWith("/assets/"));
  const sizes = shell.map((p) => ({ file: p, gzip: gzipSize(path.join(dist, p)) })).sort((a, b) => b.gzip - a.gzip);
  const total = sizes.reduce((sum, f) => sum + f.gzip, 0);
  console.log(`${pathname}: ${shell.length} files, ${(total / 1024).toFixed(1)} KB gzipped; largest:`);
  for (const f of sizes.slice(0, 8)) console.log(`  ${(f.gzip / 1024).toFixed(1).padStart(6)} KB  ${f.file}`);
  return { shell, total };
}

describe("bundle budgets of the production build", () => {
  it(`loads at most ${SHELL_JS_BUDGET_GZIP / 1024} KB of gzipped shell JavaScript for the first page after sign-in, plugins aside`, async () => {
    const { shell, total } = await shellScripts("/", true);
    expect(shell.some((p) => p.startsWith("/assets/shared/"))).toBe(false);
    expect(total).toBeLessThanOrEqual(SHELL_JS_BUDGET_GZIP);
  });

  it(`loads at most ${SHELL_JS_BUDGET_GZIP / 1024} KB of gzipped JavaScript for the sign-in page`, async () => {
    const { total } = await shellScripts("/sign-in", false);
    expect(total).toBeLessThanOrEqual(SHELL_JS_BUDGET_GZIP);
  });

  it("writes an import map whose every shared package points at a built file", () => {
    const html = fs.readFileSync(path.join(dist, "index.html"), "utf8");
    const map = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html);
    expect(map).not.toBeNull();
    const imports = (JSON.parse(map![1]!) as { imports: Record<string, string> }).imports;
    expect(Object.keys(imports).sort()).toEqual(
      ["@opsdeck/plugin-sdk/web", "@opsdeck/ui", "@tanstack/react-query", "@tanstack/react-router", "react", "react-dom", "react-dom/client", "react/jsx-runtime"].sort(),
    );
    for (const file of Object.values(imports)) expect(fs.existsSync(path.join(dist, file))).toBe(true);
    // The import map must come before any module script, or the browser ignores it.
    expect(html.indexOf('type="importmap"')).toBeLessThan(html.indexOf('type="module"'));
  });
});
