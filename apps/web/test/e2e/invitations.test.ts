import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPage, screenshot, type LaunchedBrowser } from "../support/browser.ts";
import { launchChromium, server, signedInPage, unexpectedErrors } from "../support/fixtures.ts";

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe("inviting a user", () => {
  it("shows the invitation link to the admin, and the invitee joins with it and lands signed in", async () => {
    const email = `new.hire.${Date.now()}@acme.example`;
    const admin = await signedInPage(browser, { to: "/admin/users" });
    await admin.page.getByRole("button", { name: "Invite people" }).click();
    const dialog = admin.page.getByRole("dialog");
    await dialog.getByLabel("Email").fill(email);
    await dialog.getByRole("combobox").click();
    await admin.page.getByRole("option", { name: "New hire" }).click();
    await dialog.getByRole("button", { name: "Create invitation" }).click();
    const link = await dialog.getByLabel("Invitation link").inputValue();
    expect(link).toMatch(/\/accept-invitation\?token=/);
    await screenshot(admin.page, "invite-dialog");
    await dialog.getByRole("button", { name: "Done" }).click();
    // The invitation is listed as pending.
    await admin.page.getByRole("tab", { name: "Invitations" }).click();
    await admin.page.getByRole("row", { name: new RegExp(email.replace(/\./g, "\\.")) }).getByText("Pending").waitFor();
    expect(unexpectedErrors(admin.consoleErrors)).toEqual([]);
    await admin.close();

    // The invitee opens the link in their own browser (the link's path on this server).
    const { baseUrl } = server();
    const invitee = await openPage(browser.browser);
    const target = new URL(link);
    await invitee.page.goto(`${baseUrl}${target.pathname}${target.search}`);
    await invitee.page.getByLabel("Your name").fill("Nina Newcomer");
    await invitee.page.getByLabel("Password").fill("welcome-aboard-2026");
    await screenshot(invitee.page, "accept-invitation");
    await invitee.page.getByRole("button", { name: "Accept and sign in" }).click();
    await invitee.page.getByRole("heading", { level: 1, name: /Good (morning|afternoon|evening), Nina/ }).waitFor();
    // A new hire sees no admin pages.
    const nav = invitee.page.getByRole("navigation", { name: "Main navigation" });
    await expect(nav.getByRole("link", { name: "Users" }).count()).resolves.toBe(0);
    expect(unexpectedErrors(invitee.consoleErrors)).toEqual([]);
    await invitee.context.close();
  });

  it("refuses a used or made-up token with a message on the form", async () => {
    const { baseUrl } = server();
    const { context, page } = await openPage(browser.browser);
    await page.goto(`${baseUrl}/accept-invitation?token=${"x".repeat(40)}`);
    await page.getByLabel("Your name").fill("Mallory");
    await page.getByLabel("Password").fill("some-password-123");
    await page.getByRole("button", { name: "Accept and sign in" }).click();
    await page.getByRole("alert").waitFor();
    expect(new URL(page.url()).pathname).toBe("/accept-invitation");
    await context.close();
  });
});
