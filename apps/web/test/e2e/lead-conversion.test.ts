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

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** Creates a record through `core.records.create`, as the signed-in page's user. */
async function createRecord(page: Page, entity: string, values: Record<string, unknown>): Promise<string> {
  const res = await page.request.post(`${server().baseUrl}/api/trpc/core/records.create`, { data: { json: { entity, values } } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { result: { data: { json: { id: string } } } }).result.data.json.id;
}

describe("converting a lead", () => {
  it("makes a new contact, account and opportunity, opens the contact, and the lead links to what it became", async () => {
    const stamp = Date.now();
    const { page, consoleErrors, close } = await signedInPage(browser);
    const leadId = await createRecord(page, "leads", {
      firstName: "Mae",
      lastName: `Jemison ${stamp}`,
      email: `mae.${stamp}@example.com`,
      company: `Orbit ${stamp}`,
    });
    await page.goto(`${server().baseUrl}/records/leads/${leadId}`);
    await page.getByRole("button", { name: "Convert lead" }).click();

    const dialog = page.getByRole("dialog", { name: "Convert lead" });
    await dialog.waitFor();
    await expect(dialog.getByRole("radio", { name: "Create a new contact" }).isChecked()).resolves.toBe(true);
    await expect(dialog.getByRole("radio", { name: "Create a new account" }).isChecked()).resolves.toBe(true);
    await expect(dialog.getByLabel("Account name").inputValue()).resolves.toBe(`Orbit ${stamp}`);
    await dialog.getByRole("checkbox", { name: "Also create an opportunity" }).check();
    await expect(dialog.getByLabel("Opportunity name").inputValue()).resolves.toBe(`Orbit ${stamp} deal`);
    await dialog.getByLabel(/^Amount/).fill("12500");
    await screenshot(page, "lead-convert-dialog");
    await dialog.getByRole("button", { name: "Convert" }).click();

    await page.waitForURL(new RegExp(`/records/contacts/${UUID}$`));
    await page.getByRole("heading", { name: `Mae Jemison ${stamp}` }).waitFor();
    await page.getByText("Lead converted").waitFor();
    const contactId = new URL(page.url()).pathname.split("/").pop()!;

    await page.goto(`${server().baseUrl}/records/leads/${leadId}`);
    const conversion = page.getByRole("region", { name: "Conversion" });
    await conversion.getByText("Converted", { exact: true }).waitFor();
    const toContact = conversion.getByRole("link", { name: `Mae Jemison ${stamp}` });
    await toContact.waitFor();
    await expect(toContact.getAttribute("href")).resolves.toBe(`/records/contacts/${contactId}`);
    await conversion.getByRole("link", { name: `Orbit ${stamp}`, exact: true }).waitFor();
    await conversion.getByRole("link", { name: `Orbit ${stamp} deal` }).waitFor();
    await expect(page.getByRole("button", { name: "Convert lead" }).count()).resolves.toBe(0);
    await screenshot(page, "lead-converted");
    expect(unexpectedErrors(consoleErrors)).toEqual([]);
    await close();
  });

  it("opens with the contact of ?convertInto= chosen and adds the lead to it", async () => {
    const stamp = Date.now();
    const { page, consoleErrors, close } = await signedInPage(browser);
    const contactId = await createRecord(page, "contacts", { firstName: "Dorothy", lastName: `Vaughan ${stamp}`, email: `dorothy.${stamp}@example.com` });
    const leadId = await createRecord(page, "leads", { firstName: "Dot", lastName: `Vaughan ${stamp}`, email: `dot.${stamp}@example.com` });
    await page.goto(`${server().baseUrl}/records/leads/${leadId}?convertInto=${contactId}`);

    const dialog = page.getByRole("dialog", { name: "Convert lead" });
    await dialog.waitFor();
    await expect(dialog.getByRole("radio", { name: "Add to an existing contact" }).isChecked()).resolves.toBe(true);
    const chosen = dialog.getByRole("radio", { name: new RegExp(`Dorothy Vaughan ${stamp}`) });
    await chosen.waitFor();
    await expect(chosen.isChecked()).resolves.toBe(true);
    // The lead has no company: a new account needs a name, so it goes without one.
    await dialog.getByRole("radio", { name: "No account" }).check();
    await screenshot(page, "lead-convert-into-contact");
    await dialog.getByRole("button", { name: "Convert" }).click();

    await page.waitForURL(new RegExp(`/records/contacts/${contactId}$`));
    await page.getByRole("heading", { name: `Dorothy Vaughan ${stamp}` }).waitFor();
    expect(unexpectedErrors(consoleErrors)).toEqual([]);
    await close();
  });
});
