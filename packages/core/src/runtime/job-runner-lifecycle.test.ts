import { spawn } from "node:child_process";
import path from "node:path";
import { openDatabase, queryRows, toCount, type OpenedDatabase } from "@opsdeck/db";
import { testBackend, type TestDatabase } from "@opsdeck/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemContext } from "../domain/context.ts";
import { createCoreTestDatabase, createTestOrganization, type TestOrganization } from "../testing.ts";
import { createGate, createTestRunner, reopenCrashImage, waitForJob } from "./test-support.ts";

const noDelay = { retryDelaySeconds: 0, retryBackoff: false } as const;

let test: TestDatabase;
let org: TestOrganization;

beforeAll(async () => {
  test = await createCoreTestDatabase();
  org = await createTestOrganization(test);
});
afterAll(async () => {
  await test.destroy();
});

describe("stopping the job runner", () => {
  it("lets a running handler finish when it stops gracefully", async () => {
    const runner = createTestRunner(test);
    const started = createGate();
    const finish = createGate();
    runner.register("test.graceful", async () => {
      started.open();
      await finish.promise;
      return "done";
    });
    await runner.start();
    const job = await runner.enqueue(org.ctx, "test.graceful");
    await started.promise;
    const stopping = runner.stop({ timeoutMs: 20_000 });
    finish.open();
    await stopping;
    expect(await waitForJob(org.ctx, job.id, () => true)).toMatchObject({ status: "succeeded", result: "done" });
  });

  it("releases a handler still running at the timeout, and another runner finishes the job", async () => {
    const first = createTestRunner(test);
    const started = createGate();
    first.register(
      "test.released",
      async ({ signal }) => {
        started.open();
        await new Promise((resolve) => signal.addEventListener("abort", resolve));
        signal.throwIfAborted();
      },
      noDelay,
    );
    await first.start();
    const job = await first.enqueue(org.ctx, "test.released");
    await started.promise;
    await first.stop({ timeoutMs: 1000 });
    expect(await waitForJob(org.ctx, job.id, () => true)).toMatchObject({
      status: "queued",
      message: "Interrupted; it will run again",
    });

    const second = createTestRunner(test);
    const attempts: number[] = [];
    second.register("test.released", ({ attempt }) => void attempts.push(attempt), noDelay);
    await second.start();
    try {
      await waitForJob(org.ctx, job.id, (r) => r.status === "succeeded");
      expect(attempts).toEqual([2]);
    } finally {
      await second.stop();
    }
  });

  it("keeps the result of a handler that finished just after its grace ran out, and does not run it again", async () => {
    const first = createTestRunner(test);
    const released = createGate();
    const finish = createGate();
    first.register(
      "test.late-finish",
      async ({ signal }) => {
        signal.addEventListener("abort", () => released.open());
        await finish.promise;
        return "finished late";
      },
      noDelay,
    );
    await first.start();
    const job = await first.enqueue(org.ctx, "test.late-finish");
    await waitForJob(org.ctx, job.id, (r) => r.status === "running");
    const stopping = first.stop({ timeoutMs: 1000 });
    await released.promise;
    finish.open();
    await stopping;
    expect(await waitForJob(org.ctx, job.id, () => true)).toMatchObject({ status: "succeeded", result: "finished late" });

    const second = createTestRunner(test);
    const reruns: string[] = [];
    second.register("test.late-finish", ({ jobId }) => void reruns.push(jobId), noDelay);
    await second.start();
    try {
      const marker = await second.enqueue(org.ctx, "test.late-finish");
      await waitForJob(org.ctx, marker.id, (r) => r.status === "succeeded");
      expect(reruns).toEqual([marker.id]);
    } finally {
      await second.stop();
    }
  });

  it("runs a job that was still queued when its runner stopped, once, in the next runner", async () => {
    const producer = createTestRunner(test);
    producer.register("test.queued-at-stop", () => {});
    const job = await producer.enqueue(org.ctx, "test.queued-at-stop", { n: 1 });
    await producer.stop({ graceful: false });

    const next = createTestRunner(test);
    const runs: unknown[] = [];
    next.register("test.queued-at-stop", ({ input }) => void runs.push(input));
    await next.start();
    try {
      await waitForJob(org.ctx, job.id, (r) => r.status === "succeeded");
      expect(runs).toEqual([{ n: 1 }]);
    } finally {
      await next.stop();
    }
  });
});

describe.runIf(testBackend() === "pglite")("a crash on the embedded database", () => {
  it("takes back the jobs a dead process left running: retried once, or failed when out of retries", async () => {
    const doomed = createTestRunner(test);
    let restarted: OpenedDatabase | undefined;
    try {
      const started = [createGate(), createGate()];
      const hang = (gate: { open: () => void }) => async () => {
        gate.open();
        await new Promise(() => {});
      };
      doomed.register("test.crash", hang(started[0]!), noDelay);
      doomed.register("test.crash-once", hang(started[1]!), { retryLimit: 0 });
      await doomed.start();
      const retried = await doomed.enqueue(org.ctx, "test.crash");
      const once = await doomed.enqueue(org.ctx, "test.crash-once");
      await Promise.all(started.map((g) => g.promise));
      // The database as a killed process leaves it: the jobs are `active` in pg-boss and `running` in core.
      restarted = await reopenCrashImage(test);
      const after = systemContext(restarted.db, org.org.id);
      expect(await waitForJob(after, retried.id, () => true)).toMatchObject({ status: "running" });

      const runner = createTestRunner(restarted);
      const attempts: number[] = [];
      runner.register("test.crash", ({ attempt }) => void attempts.push(attempt), noDelay);
      runner.register("test.crash-once", () => void attempts.push(-1), { retryLimit: 0 });
      await runner.start();
      try {
        await waitForJob(after, retried.id, (r) => r.status === "succeeded");
        const failed = await waitForJob(after, once.id, (r) => r.status === "failed");
        expect(failed.error).toBe("The server stopped while the job was running, and no retries were left.");
        expect(attempts).toEqual([2]);
      } finally {
        await runner.stop();
      }
    } finally {
      await doomed.stop({ graceful: false, timeoutMs: 1000 });
      await restarted?.close();
    }
  });
});

describe.runIf(testBackend() === "postgres")("several processes on one PostgreSQL", () => {
  it("retries the job of a killed worker process once its heartbeat stops", async () => {
    const fixture = path.join(import.meta.dirname, "test-fixtures/crash-worker.ts");
    const child = spawn(process.execPath, [fixture, test.url!, org.org.id], { stdio: ["ignore", "pipe", "pipe"] });
    const stderr: string[] = [];
    child.stderr.on("data", (d: Buffer) => stderr.push(d.toString()));
    const jobId = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => {
        const match = /started (\S+)/.exec(d.toString());
        if (match) resolve(match[1]!);
      });
      child.on("exit", (code) => reject(new Error(`worker exited (${code}): ${stderr.join("")}`)));
    });
    child.kill("SIGKILL");

    const runner = createTestRunner(test);
    const attempts: number[] = [];
    runner.register("test.crash", ({ attempt }) => void attempts.push(attempt), { heartbeatSeconds: 10, ...noDelay });
    await runner.start();
    try {
      // The dead worker's heartbeat lapses after 10 s; the supervisor then hands the job out again.
      await waitForJob(org.ctx, jobId, (r) => r.status === "succeeded", 45_000);
      expect(attempts).toEqual([2]);
    } finally {
      await runner.stop();
    }
  });

  it("shares the queue between two runners and runs each job exactly once", async () => {
    const [a, b] = await Promise.all([1, 2].map(() => openDatabase({ url: test.url!, maxConnections: 3 })));
    const runs: { runner: string; jobId: string }[] = [];
    const runners = [a!, b!].map((opened, i) => {
      const runner = createTestRunner(opened);
      runner.register("test.shared", async ({ jobId }) => {
        runs.push({ runner: `runner-${i}`, jobId });
        await new Promise((resolve) => setTimeout(resolve, 20));
      });
      return runner;
    });
    try {
      const jobs = [];
      for (let n = 0; n < 40; n++) jobs.push(await runners[0]!.enqueue(org.ctx, "test.shared", { n }));
      await Promise.all(runners.map((r) => r.start()));
      for (const job of jobs) await waitForJob(org.ctx, job.id, (r) => r.status === "succeeded");

      expect(runs).toHaveLength(40);
      expect(new Set(runs.map((r) => r.jobId)).size).toBe(40);
      expect(new Set(runs.map((r) => r.runner))).toEqual(new Set(["runner-0", "runner-1"]));
      const [completed] = await queryRows(
        test.db,
        sql`select count(*) as n from pgboss.job where name = 'test.shared' and state = 'completed'`,
      );
      expect(toCount(completed?.n)).toBe(40);
    } finally {
      await Promise.all(runners.map((r) => r.stop()));
      await Promise.all([a!, b!].map((o) => o.close()));
    }
  });
});
