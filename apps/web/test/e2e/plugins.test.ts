import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenshot, type LaunchedBrowser } from "../support/browser.ts";
import { launchChromium, server, signedInPage, unexpectedErrors } from "../support/fixtures.ts";

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

// React DOM registers itself with the devtools hook when it loads: a second copy would register twice.
const DEVTOOLS_HOOK = `window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  renderers: new Map(), supportsFiber: true, isDisabled: false,
  inject(renderer) { const id = this.renderers.size + 1; this.renderers.set(id, renderer); return id; },
  onCommitFiberRoot() {}, onCommitFiberUnmount() {}, onPostCommitFiberRoot() {}, onScheduleFiberRoot() {}, checkDCE() {},
  on() {}, off() {}, sub() { return () => {}; }, emit() {},
};`;

const nav = (page: Page) => page.getByRole("navigation", { name: "Main navigation" });

describe("plugins loaded at run time", () => {
  it("renders an enabled plugin's page on the shell's one React, QueryClient and router", async () => {
    const { page, consoleErrors, scripts, close } = await signedInPage(browser);
    await page.addInitScript(DEVTOOLS_HOOK);
    await page.reload();
    await nav(page).getByRole("link", { name: "Say hello" }).click();
    await expect(page.getByTestId("hello-greeting").textContent()).resolves.toMatch(/^Hello, \S/);
    // Hooks of the plugin work (they would throw with a second React) and its state updates.
    await page.getByRole("button", { name: "Clicked 0 times" }).click();
    await page.getByRole("button", { name: "Clicked 1 times" }).waitFor();
    await expect(page.getByTestId("hello-admin").textContent()).resolves.toBe("You manage plugins");
    const renderers = await page.evaluate(() => (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: { renderers: Map<number, { version: string }> } }).__REACT_DEVTOOLS_GLOBAL_HOOK__.renderers.size);
    expect(renderers).toBe(1);
    expect(scripts).toContain("/plugins/hello/web.js");
    // The plugin imports React & co. through the import map: the shell's shared entries, never a copy of its own.
    expect(scripts.filter((s) => s.startsWith("/assets/shared/")).length).toBeGreaterThan(0);
    await screenshot(page, "plugin-hello");
    expect(unexpectedErrors(consoleErrors)).toEqual([]);
    await close();
  });

  it("shows the error card of a plugin whose bundle throws, or whose page or widget throws, while the rest works", async () => {
    const { page, close } = await signedInPage(browser);
    // The broken bundle's plugin keeps a sidebar entry that leads to its error card.
    await nav(page).getByRole("link", { name: "Crash" }).click();
    const crashCard = page.locator('[role="alert"][data-plugin="crash"]');
    await expect(crashCard.textContent()).resolves.toContain("exploded while loading");
    await screenshot(page, "plugin-crash-error-card");
    await nav(page).getByRole("link", { name: "Broken page" }).click();
    await expect(page.locator('[role="alert"][data-plugin="widgets"]').textContent()).resolves.toContain("render failed");
    await nav(page).getByRole("link", { name: "Say hello" }).click();
    await page.getByTestId("hello-greeting").waitFor();
    // On the home page one plugin's widget crashes and the other's renders.
    await nav(page).getByRole("link", { name: "Home" }).click();
    await page.getByTestId("hello-widget").waitFor();
    await expect(page.locator('[role="alert"][data-plugin="widgets"]').count()).resolves.toBe(1);
    await screenshot(page, "home-with-plugin-widgets");
    await close();
  });

  it("requests a plugin's bundle only when the user may see the plugin", async () => {
    const { page, scripts, close } = await signedInPage(browser, { who: { email: "rep@acme.example", password: "opsdeck-demo" } });
    await nav(page).getByRole("link", { name: "Say hello" }).waitFor();
    expect(scripts).toContain("/plugins/hello/web.js");
    // Widgets grants its permission to admins and ops only.
    expect(scripts).not.toContain("/plugins/widgets/web.js");
    await expect(nav(page).getByRole("link", { name: "Broken page" }).count()).resolves.toBe(0);
    await expect(nav(page).getByRole("link", { name: "Users" }).count()).resolves.toBe(0);
    await page.goto(`${server().baseUrl}/widgets`);
    await page.getByText("You don't have access to this page").waitFor();
    await close();
  });

  it("takes a disabled plugin out of the nav, says it is not enabled at its URL, and brings it back", async () => {
    const { baseUrl } = server();
    const { page, scripts, close } = await signedInPage(browser, { to: "/admin/plugins" });
    const hello = page.locator('[data-plugin="hello"]');
    await hello.getByRole("switch").click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Disable" }).click();
    await nav(page).getByRole("link", { name: "Say hello" }).waitFor({ state: "detached" });
    await hello.locator('[role="switch"][aria-checked="false"]').waitFor();

    // A fresh page load does not even fetch the disabled plugin's bundle.
    scripts.length = 0;
    await page.goto(`${baseUrl}/hello`);
    await page.getByText("Hello is not enabled for Acme").waitFor();
    await expect(page.getByRole("link", { name: "Manage plugins" }).getAttribute("href")).resolves.toBe("/admin/plugins");
    expect(scripts).not.toContain("/plugins/hello/web.js");
    await screenshot(page, "plugin-not-enabled");

    await page.getByRole("link", { name: "Manage plugins" }).click();
    await hello.getByRole("switch").click();
    await hello.locator('[role="switch"][aria-checked="true"]').waitFor();
    // Its entry is back; following it loads the bundle and the page works as before.
    await nav(page).getByRole("link", { name: "Hello" }).click();
    await page.getByTestId("hello-greeting").waitFor();
    expect(scripts).toContain("/plugins/hello/web.js");
    await close();
  });
});
