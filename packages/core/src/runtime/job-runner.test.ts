import { queryRows, toCount } from "@opsdeck/db";
import type { TestDatabase } from "@opsdeck/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withDb } from "../domain/context.ts";
import { OpsdeckError } from "../domain/errors.ts";
import { getJob } from "../services/jobs.ts";
import { ensureTeam, listTeams } from "../services/teams.ts";
import { createCoreTestDatabase, createTestOrganization, type TestOrganization } from "../testing.ts";
import { createGate, createTestRunner, waitForJob } from "./test-support.ts";

let test: TestDatabase;
let org: TestOrganization;

beforeAll(async () => {
  test = await createCoreTestDatabase();
  org = await createTestOrganization(test);
});
afterAll(async () => {
  await test.destroy();
});

describe("the job runner", () => {
  it("runs a job, with its progress visible in core.jobs while it runs", async () => {
    const runner = createTestRunner(test);
    const halfway = createGate();
    const seen: { actor: string | null; input: unknown; attempt: number }[] = [];
    runner.register("test.progress", async (job) => {
      seen.push({ actor: job.tenant.actorUserId, input: job.input, attempt: job.attempt });
      await job.progress({ done: 1, total: 3, message: "Read the file" });
      await halfway.promise;
      await job.progress({ done: 3, message: "Saved" });
      return { imported: 3 };
    });
    await runner.start();
    try {
      const queued = await runner.enqueue(org.ctx, "test.progress", { file: "a.csv" });
      expect(queued.status).toBe("queued");

      const midway = await waitForJob(org.ctx, queued.id, (r) => r.progressDone === 1);
      expect(midway).toMatchObject({ status: "running", progressTotal: 3, message: "Read the file" });
      halfway.open();

      const done = await waitForJob(org.ctx, queued.id, (r) => r.status === "succeeded");
      expect(done).toMatchObject({ progressDone: 3, progressTotal: 3, message: "Saved", result: { imported: 3 }, error: null });
      expect(done.finishedAt).not.toBeNull();
      expect(seen).toEqual([{ actor: org.owner.userId, input: { file: "a.csv" }, attempt: 1 }]);
    } finally {
      await runner.stop();
    }
  });

  it("cancels a running job: it ends cancelled and its transaction is rolled back", async () => {
    const runner = createTestRunner(test);
    const started = createGate();
    const proceed = createGate();
    const inTransaction = createGate();
    runner.register("test.cancel-running", async (job) => {
      started.open();
      // PGlite has one connection: a cancel cannot be written while this job's transaction is open.
      if (test.backend === "pglite") await proceed.promise;
      await job.tenant.db.transaction(async (tx) => {
        await ensureTeam(withDb(job.tenant, tx), "Half-imported team");
        inTransaction.open();
        if (test.backend === "postgres") await proceed.promise;
        await job.progress({ done: 1, total: 2 }, { db: tx });
        await ensureTeam(withDb(job.tenant, tx), "Never reached");
      });
      return "finished";
    });
    await runner.start();
    try {
      const job = await runner.enqueue(org.ctx, "test.cancel-running");
      await (test.backend === "pglite" ? started.promise : inTransaction.promise);
      const asked = await runner.cancel(org.ctx, job.id);
      expect(asked).toMatchObject({ status: "running", cancelRequested: true });
      proceed.open();

      const ended = await waitForJob(org.ctx, job.id, (r) => r.status !== "running");
      expect(ended).toMatchObject({ status: "cancelled", result: null, error: null });
      expect((await listTeams(org.ctx)).map((t) => t.name)).not.toContain("Half-imported team");
    } finally {
      await runner.stop();
    }
  });

  it("never runs a queued job that was cancelled", async () => {
    const runner = createTestRunner(test);
    const ran: unknown[] = [];
    runner.register("test.cancel-queued", (job) => {
      ran.push(job.input);
    });
    try {
      // Not started yet, so both wait in the queue.
      const first = await runner.enqueue(org.ctx, "test.cancel-queued", "first");
      const second = await runner.enqueue(org.ctx, "test.cancel-queued", "second");
      expect(await runner.cancel(org.ctx, first.id)).toMatchObject({ status: "cancelled" });
      await runner.start();
      // Jobs are taken oldest first: once the second ran, the first would have run before it.
      await waitForJob(org.ctx, second.id, (r) => r.status === "succeeded");
      expect(ran).toEqual(["second"]);
      expect(await getJob(org.ctx, first.id)).toMatchObject({ status: "cancelled", startedAt: null });
      await expect(runner.cancel(org.ctx, first.id)).rejects.toMatchObject({ code: "CONFLICT" });
    } finally {
      await runner.stop();
    }
  });

  it("fails a job with the error's message, never its stack, after the configured retries", async () => {
    const runner = createTestRunner(test);
    let calls = 0;
    runner.register(
      "test.failing",
      () => {
        calls += 1;
        throw new Error("Row 7: Amount is not a number");
      },
      { retryLimit: 1, retryDelaySeconds: 0, retryBackoff: false },
    );
    await runner.start();
    try {
      const job = await runner.enqueue(org.ctx, "test.failing");
      const failed = await waitForJob(org.ctx, job.id, (r) => r.status === "failed");
      expect(failed.error).toBe("Row 7: Amount is not a number");
      expect(failed.message).toBe("Failed after 2 attempt(s)");
      expect(calls).toBe(2);
    } finally {
      await runner.stop();
    }
  });

  it("enqueues inside the caller's transaction: a rollback leaves no job behind", async () => {
    const runner = createTestRunner(test);
    let runs = 0;
    runner.register("test.transactional", () => {
      runs += 1;
    });
    await runner.start();
    try {
      const boom = new Error("the caller's change failed");
      await expect(
        test.db.transaction(async (tx) => {
          await runner.enqueue(org.ctx, "test.transactional", null, { db: tx });
          throw boom;
        }),
      ).rejects.toBe(boom);
      const kept = await test.db.transaction((tx) => runner.enqueue(org.ctx, "test.transactional", null, { db: tx }));
      await waitForJob(org.ctx, kept.id, (r) => r.status === "succeeded");

      const [core] = await queryRows(test.db, sql`select count(*) as n from core.jobs where type = 'test.transactional'`);
      const [boss] = await queryRows(test.db, sql`select count(*) as n from pgboss.job where name = 'test.transactional'`);
      expect([toCount(core?.n), toCount(boss?.n), runs]).toEqual([1, 1, 1]);
    } finally {
      await runner.stop();
    }
  });

  it("refuses unknown job types and bad type options with BAD_REQUEST", async () => {
    const runner = createTestRunner(test);
    try {
      await expect(runner.enqueue(org.ctx, "test.nobody-handles-this")).rejects.toMatchObject({ code: "BAD_REQUEST" });
      expect(() => runner.register("bad type!", () => {})).toThrow(OpsdeckError);
      expect(() => runner.register("test.bad-options", () => {}, { heartbeatSeconds: 2 })).toThrow(
        /heartbeatSeconds/,
      );
      runner.register("test.twice", () => {});
      expect(() => runner.register("test.twice", () => {})).toThrow(/already registered/);
    } finally {
      await runner.stop();
    }
  });
});
