import { seedDemo } from "@opsdeck/core";
import { createTestHost, type TestHost } from "@opsdeck/plugin-sdk/testing";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { duplicateClusters, qualitySnapshots } from "../schema.ts";
import hygiene from "../server.ts";

let t: TestHost<[typeof hygiene]>;
beforeAll(async () => {
  t = await createTestHost({ plugins: [hygiene] });
});
afterAll(() => t.destroy());

it("the demo seed leaves today's data-quality snapshot and a review queue for each entity", async () => {
  const seeded = await seedDemo(t.db, { scale: "small", slug: "hygiene-demo" });
  expect(await t.host.seed(seeded.organizationId, { scale: "small" })).toEqual(["crm-hygiene"]);
  const [snapshots] = await t.db.db.select({ n: count() }).from(qualitySnapshots).where(eq(qualitySnapshots.organizationId, seeded.organizationId));
  expect(snapshots!.n).toBeGreaterThan(1); // the organization and its owners
  for (const entity of ["contacts", "accounts", "lead_contact"]) {
    const [clusters] = await t.db.db
      .select({ n: count() })
      .from(duplicateClusters)
      .where(and(eq(duplicateClusters.organizationId, seeded.organizationId), eq(duplicateClusters.entity, entity)));
    expect(clusters!.n, entity).toBeGreaterThan(0);
  }
});
