import { createEventDispatcher, createJobRunner, getJob, type EventDispatcher, type JobRunner } from "@opsdeck/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import notes from "../../test/fixtures/plugins/notes/src/server.ts";
import { createTestHost, type TestHost, type TestOrg } from "../testing.ts";

// The host wired to core's real job runner (pg-boss) and event dispatcher, as the server runs it.
let t: TestHost<[typeof notes]>;
let org: TestOrg;
let runner: JobRunner;
let dispatcher: EventDispatcher;

beforeAll(async () => {
  t = await createTestHost({
    plugins: [notes],
    runtime: (opened) => {
      runner = createJobRunner({ opened, pollingIntervalSeconds: 0.5, cancelPollMs: 100 });
      dispatcher = createEventDispatcher({ opened });
      return { jobs: runner, events: dispatcher };
    },
  });
  await runner.start();
  org = await t.createOrg("runtime");
});

afterAll(async () => {
  await runner?.stop({ graceful: false });
  await t?.destroy();
});

async function waitForStatus(jobId: string, status: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const job = await getJob(org.ownerCtx, jobId);
    if (job.status === status) return job;
    if (Date.now() > deadline) throw new Error(`job is ${job.status}, expected ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("with core's runtime", () => {
  it("runs a plugin job queued from a procedure, with its progress and result", async () => {
    await t.as(org.owner).notes.create({ title: "One" });
    const queued = await t.as(org.owner).notes.startReindex({ reason: "manual" });
    const done = await waitForStatus(queued.id, "succeeded");
    expect(done).toMatchObject({ type: "notes.reindex", result: { notes: 1, reason: "manual" }, progressDone: 1, message: "manual" });
  });

  it("delivers core events to the plugin's handler, once per event", async () => {
    await t.createUser(org, "rep", "rita@example.com");
    await dispatcher.drain();
    await dispatcher.drain();
    const titles = (await t.as(org.owner).notes.list()).map((n) => n.title);
    expect(titles.filter((x) => x === "Welcome rita@example.com")).toHaveLength(1);
  });
});
