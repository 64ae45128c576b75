import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPage, screenshot, signIn, type LaunchedBrowser } from "../support/browser.ts";
import { launchChromium, server, unexpectedErrors } from "../support/fixtures.ts";

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe("signing in", () => {
  it("refuses a wrong password with the server's message and keeps the user on the form", async () => {
    const { baseUrl, admin } = server();
    const { context, page } = await openPage(browser.browser);
    await page.goto(`${baseUrl}/sign-in`);
    await screenshot(page, "sign-in");
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("Email or password is wrong");
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await context.close();
  });

  it("sends a signed-out visitor to the sign-in page and back to where they were going", async () => {
    const { baseUrl, admin } = server();
    const { context, page, consoleErrors } = await openPage(browser.browser);
    await page.goto(`${baseUrl}/admin/users?status=all`);
    await page.waitForURL(/\/sign-in\?redirect=/);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Users", level: 1 }).waitFor();
    const landed = new URL(page.url());
    expect(landed.pathname).toBe("/admin/users");
    expect(landed.searchParams.get("status")).toBe("all");
    expect(unexpectedErrors(consoleErrors)).toEqual([]);
    await context.close();
  });

  it("signs the demo admin in to the home page with the organization's record counts, and out again", async () => {
    const { baseUrl, admin } = server();
    const { context, page, consoleErrors } = await openPage(browser.browser);
    await signIn(page, baseUrl, admin);
    await page.getByRole("heading", { level: 1, name: /Good (morning|afternoon|evening)/ }).waitFor();
    await page.getByText("Accounts", { exact: true }).first().waitFor();
    await expect(page.getByTestId("org-name").textContent()).resolves.toBe("Acme");
    // The admin sees every admin page in the sidebar.
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    for (const label of ["Users", "Roles & permissions", "Plugins", "Jobs", "Audit log", "Organization settings"]) {
      await expect(nav.getByRole("link", { name: label }).count()).resolves.toBe(1);
    }
    await screenshot(page, "home");
    await page.getByRole("button", { name: /Account menu/ }).click();
    await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/sign-in/);
    expect(unexpectedErrors(consoleErrors)).toEqual([]);
    await context.close();
  });
});
