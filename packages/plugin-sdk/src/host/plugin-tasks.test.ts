import { createJob, type JobProgress, type TenantContext } from "@opsdeck/core";
import { events as outbox } from "@opsdeck/core/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import notes from "../../test/fixtures/plugins/notes/src/server.ts";
import type { EventBus, JobHandler, JobQueue, OutboxEvent, OutboxEventHandler } from "../runtime/interfaces.ts";
import { createTestHost, type TestHost, type TestOrg } from "../testing.ts";

/** A queue that records what the host registers and enqueues, and runs nothing by itself. */
function fakeQueue() {
  const handlers = new Map<string, JobHandler>();
  const enqueued: Array<{ type: string; input: unknown; inTransaction: boolean }> = [];
  const queue: JobQueue = {
    register: (type, handler) => void handlers.set(type, handler),
    async enqueue(tenant, type, input, options) {
      enqueued.push({ type, input, inTransaction: options?.db !== undefined });
      return createJob(tenant, type, input);
    },
    cancel: () => Promise.reject(new Error("not used")),
  };
  return { queue, handlers, enqueued };
}

function fakeBus() {
  const subscriptions: Array<{ subscriber: string; type: string; handler: OutboxEventHandler }> = [];
  const bus: EventBus = { subscribe: (subscriber, type, handler) => void subscriptions.push({ subscriber, type, handler }) };
  return { bus, subscriptions };
}

let t: TestHost<[typeof notes]>;
let org: TestOrg;
const jobs = fakeQueue();
const bus = fakeBus();

beforeAll(async () => {
  t = await createTestHost({ plugins: [notes], jobs: jobs.queue, events: bus.bus });
  org = await t.createOrg("tasks");
});

afterAll(async () => {
  await t.destroy();
});

describe("jobs", () => {
  it("registers each plugin job as <plugin id>.<name> and runs it with the plugin's context and progress", async () => {
    expect([...jobs.handlers.keys()]).toEqual(["notes.reindex"]);
    const job = await t.as(org.owner).notes.startReindex({ reason: "nightly" });
    expect(jobs.enqueued).toEqual([{ type: "notes.reindex", input: { reason: "nightly" }, inTransaction: false }]);
    const progress: JobProgress[] = [];
    const tenant: TenantContext = { db: t.db.db, organizationId: org.id, actorUserId: org.owner.userId };
    const result = await jobs.handlers.get("notes.reindex")!({
      tenant,
      jobId: job.id,
      type: "notes.reindex",
      input: job.input,
      progress: (p) => {
        progress.push(p);
        return Promise.resolve();
      },
    });
    expect(result).toEqual({ notes: 0, reason: "nightly" });
    expect(progress).toEqual([{ done: 1, total: 1, message: "nightly" }]);
  });

  it("validates a job's input when it is queued", async () => {
    const ctx = await t.taskContext(org, "notes");
    await expect(ctx.jobs.enqueue("reindex", { reason: 42 })).rejects.toMatchObject({ name: "ZodError" });
    await expect(ctx.jobs.enqueue("nope")).rejects.toThrow(/declares no job "nope"/);
  });

  it("fails a job of a plugin disabled since it was queued", async () => {
    await t.setEnabled(org, "notes", false);
    const tenant: TenantContext = { db: t.db.db, organizationId: org.id, actorUserId: null };
    const run = jobs.handlers.get("notes.reindex")!({ tenant, jobId: "j", type: "notes.reindex", input: { reason: "x" }, progress: async () => {} });
    await expect(run).rejects.toMatchObject({ code: "PLUGIN_DISABLED" });
    await t.setEnabled(org, "notes", true);
  });
});

describe("events", () => {
  const event = (id: number, organizationId: string): OutboxEvent => ({
    id,
    organizationId,
    type: "user.created",
    payload: { userId: "u", email: "eve@example.com", role: "rep" },
    actorUserId: null,
    createdAt: new Date(),
  });

  it("subscribes each handler as <plugin id>:<event type>; redelivery writes nothing twice", async () => {
    expect(bus.subscriptions.map((s) => [s.subscriber, s.type])).toEqual([["notes:user.created", "user.created"]]);
    const handler = bus.subscriptions[0]!.handler;
    const tenant: TenantContext = { db: t.db.db, organizationId: org.id, actorUserId: null };
    await handler(event(9001, org.id), tenant);
    await handler(event(9001, org.id), tenant);
    const titles = (await t.as(org.owner).notes.list()).map((n) => n.title);
    expect(titles.filter((x) => x === "Welcome eve@example.com")).toHaveLength(1);
  });

  it("does not run the handler where the plugin is off", async () => {
    const other = await t.createOrg("tasks-off");
    await t.setEnabled(other, "notes", false);
    await bus.subscriptions[0]!.handler(event(9002, other.id), { db: t.db.db, organizationId: other.id, actorUserId: null });
    await t.setEnabled(other, "notes", true);
    expect(await t.as(other.owner).notes.list()).toEqual([]);
  });

  it("writes a plugin's event in the transaction of its change, and rolls both back together", async () => {
    const countEvents = async () =>
      (await t.db.db.select().from(outbox).where(eq(outbox.organizationId, org.id))).filter((e) => e.type === "notes.note_created").length;
    const before = await countEvents();
    await expect(t.as(org.owner).notes.createAtomically({ title: "Rolled back", fail: true })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await countEvents()).toBe(before);
    expect((await t.as(org.owner).notes.list()).map((n) => n.title)).not.toContain("Rolled back");
    await t.as(org.owner).notes.createAtomically({ title: "Kept" });
    expect(await countEvents()).toBe(before + 1);
  });

  it("refuses a plugin event outside its namespace", async () => {
    const ctx = await t.taskContext(org, "notes");
    await expect(ctx.events.emit("core.user.created", {})).rejects.toThrow(/may only emit events named "notes\.<name>"/);
  });
});

describe("CLI and seed", () => {
  it("runs a plugin command in an organization with typed options", async () => {
    const out: string[] = [];
    const io = { out: (s: string) => void out.push(s), err: (s: string) => void out.push(`ERR ${s}`) };
    const seeded = await t.host.seed(org.id, { scale: "small" });
    expect(seeded).toEqual(["notes"]);
    const expected = (await t.as(org.owner).notes.list()).length;
    expect(await t.host.runCommand("notes", "count", { organizationId: org.id, args: { json: "true" }, io })).toBe(0);
    expect(await t.host.runCommand("notes", "count", { organizationId: org.id, args: {}, io })).toBe(0);
    expect(out).toEqual([`${JSON.stringify({ notes: expected })}\n`, `${expected} notes\n`]);
    await expect(t.host.runCommand("notes", "nope", { organizationId: org.id, args: {}, io })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
