// `pnpm bench web`: the web shell from headless Chromium against the production build on the demo data.
// Prints the time to the first dashboard after sign-in (through the form, and a cold load with a session),
// the JavaScript transferred, the same for a plugin page opened cold, and in-app navigation times, next to a
// baseline measured in the same run (one API round trip from the page). Goals: < 1.5 s first dashboard,
// < 300 ms in-app navigation. Nothing here asserts: machines are shared and noisy.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../test/support/browser.ts";
import { startServer } from "../test/support/server.ts";

const web = path.resolve(import.meta.dirname, "..");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

if (!fs.existsSync(path.join(web, "dist/index.html")) || process.env.BENCH_BUILD === "1") {
  execFileSync(process.execPath, [path.join(web, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"], { cwd: web, stdio: "inherit" });
}
execFileSync(process.execPath, [path.join(web, "test/build-fixtures.ts")], { cwd: web, stdio: "ignore" });

/** JS the page transferred (compressed bytes on the wire), by path: the plugins' and shared entries', the rest. */
async function transferred(page: Page) {
  return page.evaluate(() => {
    let shell = 0;
    let plugins = 0;
    for (const entry of performance.getEntriesByType("resource") as PerformanceResourceTiming[]) {
      const url = new URL(entry.name);
      if (!url.pathname.endsWith(".js")) continue;
      if (url.pathname.startsWith("/plugins/") || url.pathname.startsWith("/assets/shared/")) plugins += entry.transferSize;
      else shell += entry.transferSize;
    }
    return { shell, plugins };
  });
}

async function coldPage(browser: Browser, baseUrl: string, credentials: { email: string; password: string }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.request.post(`${baseUrl}/api/auth/sign-in`, { data: credentials, headers: { origin: baseUrl } });
  return { context, page: await context.newPage() };
}

const server = await startServer();
const { browser, close } = await launchChromium();
const results: Record<string, number> = {};
try {
  const { url: baseUrl, signIn } = server;
  const home = (page: Page) => page.getByRole("heading", { level: 1, name: /Good (morning|afternoon|evening)/ }).waitFor();
  const counts = (page: Page) => page.getByText("Accounts", { exact: true }).first().waitFor();

  // Warm the server (first queries, compression of the assets) before measuring.
  {
    const { context, page } = await coldPage(browser, baseUrl, signIn);
    await page.goto(`${baseUrl}/hello`);
    await page.getByTestId("hello-greeting").waitFor();
    await context.close();
  }

  const baseline: number[] = [];
  const formToDashboard: number[] = [];
  const coldDashboard: number[] = [];
  const coldPlugin: number[] = [];
  const navigation: number[] = [];
  let dashboardJs = { shell: 0, plugins: 0 };
  let pluginJs = { shell: 0, plugins: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    // Sign in through the form, from a cold browser: click → the dashboard with its numbers.
    {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/sign-in`);
      await page.getByLabel("Email").fill(signIn.email);
      await page.getByLabel("Password").fill(signIn.password);
      const started = performance.now();
      await page.getByRole("button", { name: "Sign in" }).click();
      await home(page);
      await counts(page);
      formToDashboard.push(performance.now() - started);
      baseline.push(
        await page.evaluate(async () => {
          const t = performance.now();
          await fetch("/api/auth/session", { cache: "no-store" });
          return performance.now() - t;
        }),
      );
      await context.close();
    }
    // The shell's own JavaScript: the same cold load with plugin bundles refused.
    let shellOnly = { shell: 0, plugins: 0 };
    {
      const { context, page } = await coldPage(browser, baseUrl, signIn);
      await page.route("**/plugins/**", (route) => route.abort());
      await page.goto(`${baseUrl}/`);
      await home(page);
      await counts(page);
      shellOnly = await transferred(page);
      await context.close();
    }
    // A cold load of the dashboard with a session (empty cache): navigation start → numbers shown.
    {
      const { context, page } = await coldPage(browser, baseUrl, signIn);
      const started = performance.now();
      await page.goto(`${baseUrl}/`);
      await home(page);
      await counts(page);
      coldDashboard.push(performance.now() - started);
      const total = await transferred(page);
      dashboardJs = { shell: shellOnly.shell, plugins: total.shell + total.plugins - shellOnly.shell };
      // In-app navigation, timed in the page: click a sidebar link → the first frame showing the new page's data.
      for (const [link, ready] of [
        ["Accounts", 'table[aria-label="Accounts"] tbody a'],
        ["Users", 'table[aria-label="Members"] tbody tr'],
        ["Audit log", 'table[aria-label="Audit log"] tbody tr'],
        ["Say hello", '[data-testid="hello-greeting"]'],
        ["Home", '[data-testid="org-name"] ~ *, main h1'],
      ] as const) {
        navigation.push(
          await page.evaluate(
            ([name, selector]) =>
              new Promise<number>((resolve, reject) => {
                const anchor = [...document.querySelectorAll<HTMLAnchorElement>('nav[aria-label="Main navigation"] a')].find((a) => a.textContent?.trim() === name);
                if (!anchor) return reject(new Error(`no link ${name}`));
                const before = document.querySelector("main h1")?.textContent;
                const started = performance.now();
                anchor.click();
                const check = () => {
                  const heading = document.querySelector("main h1")?.textContent;
                  if (heading !== before && document.querySelector(selector)) resolve(performance.now() - started);
                  else if (performance.now() - started > 10_000) reject(new Error(`${name} did not show`));
                  else requestAnimationFrame(check);
                };
                requestAnimationFrame(check);
              }),
            [link, ready] as const,
          ),
        );
      }
      await context.close();
    }
    // A plugin page opened cold.
    {
      const { context, page } = await coldPage(browser, baseUrl, signIn);
      const started = performance.now();
      await page.goto(`${baseUrl}/hello`);
      await page.getByTestId("hello-greeting").waitFor();
      coldPlugin.push(performance.now() - started);
      const total = await transferred(page);
      pluginJs = { shell: shellOnly.shell, plugins: total.shell + total.plugins - shellOnly.shell };
      await context.close();
    }
  }
  Object.assign(results, {
    baselineRoundTripMs: median(baseline),
    signInToDashboardMs: median(formToDashboard),
    coldDashboardMs: median(coldDashboard),
    coldDashboardShellJsBytes: dashboardJs.shell,
    coldDashboardPluginJsBytes: dashboardJs.plugins,
    coldPluginPageMs: median(coldPlugin),
    coldPluginPageShellJsBytes: pluginJs.shell,
    coldPluginPagePluginJsBytes: pluginJs.plugins,
    inAppNavigationMedianMs: median(navigation),
    inAppNavigationMaxMs: Math.max(...navigation),
  });
  const b = results.baselineRoundTripMs!;
  console.log(`\nweb shell (${ROUNDS} rounds, medians; baseline = one API round trip from the page: ${ms(b)})`);
  console.log(`  sign-in form → dashboard      ${ms(results.signInToDashboardMs!).padStart(8)}  (${(results.signInToDashboardMs! / b).toFixed(0)}× baseline)  goal < 1500 ms`);
  console.log(`  cold dashboard with a session ${ms(results.coldDashboardMs!).padStart(8)}  (${(results.coldDashboardMs! / b).toFixed(0)}× baseline)  goal < 1500 ms`);
  console.log(`    JS transferred: shell ${kb(dashboardJs.shell)}, plugins and what they pull in ${kb(dashboardJs.plugins)}`);
  console.log(`  plugin page opened cold       ${ms(results.coldPluginPageMs!).padStart(8)}  (${(results.coldPluginPageMs! / b).toFixed(0)}× baseline)`);
  console.log(`    JS transferred: shell ${kb(pluginJs.shell)}, plugins and what they pull in ${kb(pluginJs.plugins)}`);
  console.log(`  in-app navigation             ${ms(results.inAppNavigationMedianMs!).padStart(8)}  median of ${navigation.length}, max ${ms(results.inAppNavigationMaxMs!)}  goal < 300 ms`);
  console.log(JSON.stringify({ bench: "web", ...results }));
} finally {
  await close();
  await server.stop();
}
