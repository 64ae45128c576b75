import { createJob } from "@opsdeck/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineJob, definePlugin } from "../manifest/define-plugin.ts";
import type { JobQueue } from "../runtime/interfaces.ts";
import { createTestHost, type TestHost } from "../testing.ts";
import { procedure, router } from "../trpc/procedures.ts";

const enqueued: { organizationId: string; type: string; input: unknown }[] = [];
// Creates the job row (in the caller's transaction) like the real runner, and runs nothing.
const queue: JobQueue = {
  register: () => undefined,
  enqueue(tenant, type, input) {
    enqueued.push({ organizationId: tenant.organizationId, type, input });
    return createJob(tenant, type, input);
  },
  cancel: () => Promise.reject(new Error("not used")),
};

const clock = definePlugin({
  id: "clock",
  name: "Clock",
  version: "1.0.0",
  description: "A plugin with a scheduled job.",
  engines: { opsdeck: ">=0.0.0" },
  permissions: [{ id: "clock.ticks.read", description: "Read", defaultRoles: [] }],
  router: router({ ping: procedure.permission("clock.ticks.read").query(() => "pong") }),
  jobs: { tick: defineJob({ input: z.object({ full: z.boolean().default(true) }), run: () => Promise.resolve(null) }) },
  schedules: [{ job: "tick", everyMinutes: 60 }],
});

let t: TestHost<[typeof clock]>;
beforeAll(async () => {
  t = await createTestHost({ plugins: [clock], jobs: queue });
});
afterAll(() => t.destroy());

describe("scheduled jobs", () => {
  it("queue each scheduled job once per period in every organization where the plugin is on", async () => {
    const on = await t.createOrg();
    const off = await t.createOrg();
    await t.setEnabled(off, "clock", false);
    const now = new Date();
    expect(await t.host.runSchedules(now)).toBe(1);
    expect(enqueued).toEqual([{ organizationId: on.id, type: "clock.tick", input: { full: true } }]);
    expect(await t.host.runSchedules(new Date(now.getTime() + 30 * 60_000))).toBe(0);
    expect(await t.host.runSchedules(new Date(now.getTime() + 61 * 60_000))).toBe(1);
  });
});
