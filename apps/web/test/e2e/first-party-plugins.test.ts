// The first-party plugins as a user meets them in the demo: every page of CRM hygiene and reporting opens
// with its title, without an error card or a console error, and the executive dashboard shows numbers with
// the data-quality widget another plugin contributes. (@opsdeck/web lists both plugins as devDependencies so
// turbo builds their web bundles before these tests.)
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

const PAGES: [string, string, string][] = [
  ["/crm-hygiene", "Data quality", "hygiene-overview"],
  ["/crm-hygiene/duplicates", "Duplicates", "hygiene-duplicates"],
  ["/crm-hygiene/duplicates/rules", "Matching rules", "hygiene-matching-rules"],
  ["/crm-hygiene/normalization", "Normalization", "hygiene-normalization"],
  ["/crm-hygiene/rules", "Validation rules", "hygiene-validation-rules"],
  ["/crm-hygiene/audits", "Audits", "hygiene-audits"],
  ["/reporting", "Dashboards", "reporting-home"],
  ["/reporting/dashboards", "Dashboards", "reporting-dashboards"],
  ["/reporting/forecasts", "Forecasts", "reporting-forecasts"],
  ["/reporting/reports", "Reports", "reporting-reports"],
  ["/reporting/schedules", "Schedules & alerts", "reporting-schedules"],
];

describe("first-party plugins in the demo", () => {
  it("open every page of CRM hygiene and reporting with its title and no error", async () => {
    const { page, consoleErrors, close } = await signedInPage(browser);
    for (const [to, title, name] of PAGES) {
      await page.getByRole("navigation", { name: "Main navigation" }).waitFor();
      await page.evaluate((href) => {
        window.history.pushState({}, "", href);
        window.dispatchEvent(new PopStateEvent("popstate"));
      }, to);
      await page.getByRole("heading", { level: 1, name: title, exact: true }).waitFor({ timeout: 30_000 });
      await expect(page.locator('[role="alert"]').count(), `an error on ${to}`).resolves.toBe(0);
      await screenshot(page, name);
    }
    expect(unexpectedErrors(consoleErrors)).toEqual([]);
    await close();
  });

  it("the executive dashboard shows the KPIs and the data-quality widget of CRM hygiene", async () => {
    const { page, consoleErrors, close } = await signedInPage(browser, { to: "/reporting/dashboards/executive", width: 1440, height: 1000 });
    await page.getByRole("heading", { level: 1, name: "Executive", exact: true }).waitFor({ timeout: 30_000 });
    const main = page.getByRole("main");
    // The widget crm-hygiene contributes, rendered inside reporting's dashboard (not the sidebar's link).
    await main.getByText("Data quality", { exact: true }).waitFor({ timeout: 30_000 });
    await main.getByText("Deals won", { exact: true }).waitFor();
    await main.locator(".recharts-surface").first().waitFor({ timeout: 30_000 });
    await expect(page.locator('[role="alert"]').count()).resolves.toBe(0);
    await screenshot(page, "reporting-executive");
    expect(unexpectedErrors(consoleErrors)).toEqual([]);
    await close();
  });
});
