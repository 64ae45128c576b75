import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCliHarness } from "../../test/cli-harness.ts";

let cli: Awaited<ReturnType<typeof createCliHarness>>;
beforeAll(async () => {
  cli = await createCliHarness();
});
afterAll(async () => {
  await cli.destroy();
});

describe("opsdeck CLI", () => {
  it("creates organizations and people, and prints one JSON document with --json", async () => {
    const created = await cli.run("orgs", "create", "--slug", "acme", "--name", "Acme", "--json");
    expect(created.code).toBe(0);
    expect(created.json<{ organization: { slug: string } }>().organization.slug).toBe("acme");

    const owner = await cli.run(
      "users", "create", "--email", "Ann@Acme.com", "--name", "Ann", "--role", "owner", "--password", "correct-horse-battery", "--json",
    );
    expect(owner.code).toBe(0);
    expect(owner.json<{ member: { email: string; role: string } }>().member).toMatchObject({ email: "ann@acme.com", role: "owner" });

    const rep = await cli.run("users", "create", "--email", "rep@acme.com", "--role", "rep", "--team", "West", "--manager-email", "ann@acme.com");
    expect(rep.code).toBe(0);

    const list = await cli.run("users", "list", "--json");
    const members = list.json<{ members: { email: string; teamName: string | null }[] }>().members;
    expect(members.map((m) => m.email).sort()).toEqual(["ann@acme.com", "rep@acme.com"]);
    expect(members.find((m) => m.email === "rep@acme.com")?.teamName).toBe("West");
  });

  it("asks for --org when several organizations exist", async () => {
    await cli.run("orgs", "create", "--slug", "beta", "--name", "Beta");
    const res = await cli.run("users", "list");
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/pass --org <slug> \(acme, beta\)/);
    expect((await cli.run("users", "list", "--org", "beta", "--json")).json<{ members: unknown[] }>().members).toEqual([]);
  });

  it("runs a plugin's commands under its CLI alias as under its id (reporting → report)", async () => {
    const args = ["kpis", "--from", "2026-07-01", "--to", "2026-09-30", "--org", "acme", "--json"];
    const byAlias = await cli.run("report", ...args);
    expect(byAlias.stderr).toBe("");
    expect(byAlias.code).toBe(0);
    const doc = byAlias.json<{ from: string; currency: string; kpis: Record<string, unknown> }>();
    expect(doc).toMatchObject({ from: "2026-07-01", currency: "USD", kpis: { closed_won_count: 0, closed_won_amount: "0.00" } });
    expect((await cli.run("reporting", ...args)).json<{ kpis: unknown }>().kpis).toEqual(doc.kpis);
  });

  it("seeds the demo organization and then each enabled plugin's demo data", async () => {
    const res = await cli.run("seed", "--scale", "small", "--org", "seeded", "--json");
    expect(res.stderr).not.toMatch(/error/i);
    expect(res.code).toBe(0);
    const doc = res.json<{ slug: string; plugins: string[]; counts: { opportunities: number } }>();
    expect(doc.slug).toBe("seeded");
    expect(doc.counts.opportunities).toBeGreaterThan(0);
    expect(doc.plugins).toContain("reporting");
  });

  it("explains bad input on stderr with a non-zero exit and no stack trace", async () => {
    const badRole = await cli.run("users", "create", "--email", "x@acme.com", "--role", "emperor", "--org", "acme");
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toMatch(/--role must be one of owner, admin, ops, manager, rep, new_hire/);

    const dup = await cli.run("orgs", "create", "--slug", "acme", "--name", "Again");
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/already exists/);

    const badEmail = await cli.run("users", "create", "--email", "not-an-email", "--role", "rep", "--org", "acme");
    expect(badEmail.code).toBe(2);
    expect(badEmail.stderr).toMatch(/email: Not a valid email address/);
    for (const r of [badRole, dup, badEmail]) {
      expect(r.stdout).toBe("");
      expect(r.stderr).not.toMatch(/\bat .+\.ts:\d+/);
    }

    const unknown = await cli.run("frobnicate");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command/);
  });

  it("reports migrations as up to date on a second run", async () => {
    const res = await cli.run("migrate", "--json");
    expect(res.code).toBe(0);
    const body = res.json<{ schemas: { schema: string; applied: string[] }[] }>();
    expect(body.schemas.find((s) => s.schema === "core")?.applied).toEqual([]);
  });
});
