import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

/** Debian's Chromium: the only browser these machines have (never `playwright install`). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// Without the background-networking flags Chromium floods the closed network with refused connections.
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export interface LaunchedBrowser {
  browser: Browser;
  close: () => Promise<void>;
}

/** Starts headless Chromium (playwright gives it a fresh temporary profile, removed on close). */
export async function launchChromium(): Promise<LaunchedBrowser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  return { browser, close: () => browser.close() };
}

/** A page at the given size whose console errors and failed requests are collected. */
export async function openPage(browser: Browser, options: { width?: number; height?: number } = {}) {
  const context: BrowserContext = await browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 720 } });
  const page: Page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  return { context, page, consoleErrors };
}

/** Signs in through the form, as a person would, and waits for the signed-in frame. */
export async function signIn(page: Page, baseUrl: string, credentials: { email: string; password: string }, to = "/"): Promise<void> {
  await page.goto(`${baseUrl}/sign-in?redirect=${encodeURIComponent(to)}`);
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The account menu is in the top bar at every width (the sidebar is a drawer on phones).
  await page.getByRole("button", { name: /^Account menu/ }).waitFor();
}

/** Saves a PNG under test-artifacts/screenshots (git-ignored), for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = path.resolve(import.meta.dirname, "../../../../test-artifacts/screenshots");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
