import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenshot, type LaunchedBrowser } from "../support/browser.ts";
import { launchChromium, signedInPage, unexpectedErrors } from "../support/fixtures.ts";

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const MAIN_PAGES: [string, string, string][] = [
  ["/admin/users", "Users", "admin-users"],
  ["/admin/roles", "Roles & permissions", "admin-roles"],
  ["/admin/plugins", "Plugins", "admin-plugins"],
  ["/admin/plugins/hello", "Hello", "admin-plugin-settings"],
  ["/admin/jobs", "Jobs", "admin-jobs"],
  ["/admin/audit", "Audit log", "admin-audit"],
  ["/admin/settings", "Organization settings", "admin-settings"],
  ["/records/accounts", "Accounts", "records-accounts"],
  ["/records/opportunities", "Opportunities", "records-opportunities"],
  ["/import", "Import data", "import-upload"],
];

describe("the shell", () => {
  it("shows every main page with its title and no error, at 1280×720", async () => {
    const { page, consoleErrors, close } = await signedInPage(browser);
    for (const [to, title, name] of MAIN_PAGES) {
      await page.getByRole("navigation", { name: "Main navigation" }).waitFor();
      await page.evaluate((href) => {
        window.history.pushState({}, "", href);
        window.dispatchEvent(new PopStateEvent("popstate"));
      }, to);
      await page.getByRole("heading", { level: 1, name: title, exact: true }).waitFor();
      await expect(page.locator('[role="alert"]').count(), `an error on ${to}`).resolves.toBe(0);
      await screenshot(page, name);
    }
    expect(unexpectedErrors(consoleErrors)).toEqual([]);
    await close();
  });

  it("jumps to a page and finds a record from the keyboard with Ctrl-K", async () => {
    const { page, close } = await signedInPage(browser);
    await page.keyboard.press("Control+k");
    const palette = page.getByRole("dialog", { name: "Search and jump" });
    await palette.waitFor();
    // "audit" alone also finds CRM hygiene's Audits page.
    await page.keyboard.type("audit log");
    await palette.locator('[cmdk-item][aria-selected="true"]', { hasText: "Audit log" }).waitFor();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Audit log" }).waitFor();

    // Records are searched on the server as one types.
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Accounts" }).click();
    const firstAccount = (await page.getByRole("table", { name: "Accounts" }).getByRole("link").first().textContent())!;
    await page.keyboard.press("Control+k");
    await page.keyboard.type(firstAccount.slice(0, 12));
    const hit = palette.getByRole("option", { name: firstAccount });
    await hit.first().waitFor();
    await screenshot(page, "command-palette");
    await hit.first().click();
    await page.getByRole("heading", { level: 1, name: firstAccount }).waitFor();
    await close();
  });

  it("switches to the dark theme from the account menu and keeps it after a reload", async () => {
    const { page, close } = await signedInPage(browser);
    await page.getByRole("button", { name: /Account menu/ }).click();
    await page.getByRole("menuitem", { name: "Theme" }).click();
    await page.getByRole("menuitemradio", { name: "Dark" }).click();
    await expect(page.evaluate(() => document.documentElement.classList.contains("dark"))).resolves.toBe(true);
    await page.reload();
    await page.getByRole("navigation", { name: "Main navigation" }).waitFor();
    await expect(page.evaluate(() => document.documentElement.classList.contains("dark"))).resolves.toBe(true);
    await screenshot(page, "home-dark");
    await close();
  });

  it("fits a tablet and a phone: no sideways scrolling, navigation in a drawer on the phone", async () => {
    const tablet = await signedInPage(browser, { width: 820, height: 1180, to: "/records/contacts" });
    await tablet.page.getByRole("heading", { level: 1, name: "Contacts" }).waitFor();
    await expect(tablet.page.getByRole("navigation", { name: "Main navigation" }).isVisible()).resolves.toBe(true);
    await expect(tablet.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
    await screenshot(tablet.page, "tablet-contacts");
    await tablet.close();

    const phone = await signedInPage(browser, { width: 390, height: 844 });
    await expect(phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
    await phone.page.getByRole("button", { name: "Open navigation" }).click();
    await phone.page.getByRole("dialog").getByRole("link", { name: "Users" }).click();
    await phone.page.getByRole("heading", { level: 1, name: "Users" }).waitFor();
    await screenshot(phone.page, "phone-users");
    await phone.close();
  });
});
