import { inject } from "vitest";
import type { Page } from "playwright-core";
import { launchChromium, openPage, signIn, type LaunchedBrowser } from "./browser.ts";

/** The running server's URL and the demo admin, from the global setup. */
export function server() {
  return { baseUrl: inject("baseUrl"), admin: inject("admin") };
}

/** Every script URL the page fetched (for budgets and "was this bundle requested?"). */
export function trackScripts(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script" || request.url().endsWith(".js")) urls.push(new URL(request.url()).pathname);
  });
  return urls;
}

export interface SignedInPage {
  page: Page;
  consoleErrors: string[];
  scripts: string[];
  close: () => Promise<void>;
}

/** A fresh browser context signed in as `who` (the demo admin by default), on the home page or `to`. */
export async function signedInPage(browser: LaunchedBrowser, options: { who?: { email: string; password: string }; to?: string; width?: number; height?: number } = {}): Promise<SignedInPage> {
  const { baseUrl, admin } = server();
  const { context, page, consoleErrors } = await openPage(browser.browser, { width: options.width, height: options.height });
  const scripts = trackScripts(page);
  await signIn(page, baseUrl, options.who ?? admin, options.to ?? "/");
  return { page, consoleErrors, scripts, close: () => context.close() };
}

/** Console errors other than the fixture plugins' deliberate crashes (their messages say "fixture:"). */
export function unexpectedErrors(consoleErrors: readonly string[]): string[] {
  return consoleErrors.filter((message) => !message.includes("fixture:"));
}

export { launchChromium };
