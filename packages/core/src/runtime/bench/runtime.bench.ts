// Throughput and latency of the job runner and the events dispatcher, on both backends:
//   pnpm --filter @opsdeck/core exec node src/runtime/bench/runtime.bench.ts [pglite|postgres] [jobs=200] [events=1000]
// Baselines, measured in the same run: the bare core.jobs writes one job needs (create, running,
// finish) without a queue, and the bare outbox inserts.
import { performance } from "node:perf_hooks";
import { createTestDatabase } from "@opsdeck/db/testing";
import { systemContext } from "../../domain/context.ts";
import { migrateCore } from "../../migrate.ts";
import { createOrganization } from "../../services/organizations.ts";
import { createJob, finishJob, markJobRunning } from "../../services/jobs.ts";
import { emitCustomEvent } from "../../services/events.ts";
import { createEventDispatcher } from "../event-dispatcher.ts";
import { createTestRunner, quietLogger, waitForJob } from "../test-support.ts";

const backend = process.argv[2] === "postgres" ? "postgres" : "pglite";
const jobCount = Number(process.argv[3] ?? 200);
const eventCount = Number(process.argv[4] ?? 1000);

const test = await createTestDatabase(backend);
await migrateCore(test.db);
const org = await createOrganization(test.db, { slug: "bench", name: "Bench" });
const ctx = systemContext(test.db, org.id);
const rate = (n: number, ms: number) => `${((n / ms) * 1000).toFixed(0)}/s`;

// Baseline: the three core.jobs writes of a job, no queue.
let t = performance.now();
for (let i = 0; i < jobCount; i++) {
  const job = await createJob(ctx, "bench.bare", { i });
  await markJobRunning(ctx, job.id);
  await finishJob(ctx, job.id, { status: "succeeded" });
}
const bareMs = performance.now() - t;

const runner = createTestRunner(test, { concurrency: 4, pollingIntervalSeconds: 2 });
runner.register("bench.noop", () => "ok");
await runner.start();

// Latency: one job at a time, enqueue → succeeded as a user's poll would see it.
const latencies: number[] = [];
for (let i = 0; i < 20; i++) {
  const start = performance.now();
  const job = await runner.enqueue(ctx, "bench.noop", { i });
  await waitForJob(ctx, job.id, (r) => r.status === "succeeded", 30_000);
  latencies.push(performance.now() - start);
}
latencies.sort((a, b) => a - b);

// Throughput: a backlog of jobs.
t = performance.now();
const jobs = [];
for (let i = 0; i < jobCount; i++) jobs.push(await runner.enqueue(ctx, "bench.noop", { i }));
const enqueueMs = performance.now() - t;
for (const job of jobs) await waitForJob(ctx, job.id, (r) => r.status === "succeeded", 120_000);
const runMs = performance.now() - t;
await runner.stop();

// Events: outbox inserts (baseline), then fan-out + delivery to two subscribers.
t = performance.now();
for (let i = 0; i < eventCount; i++) await emitCustomEvent(ctx, "bench.event", { i });
const emitMs = performance.now() - t;
const dispatcher = createEventDispatcher({ opened: test, logger: quietLogger });
let handled = 0;
dispatcher.subscribe("bench.first", "bench.event", () => void (handled += 1));
dispatcher.subscribe("bench.second", "*", () => void (handled += 1));
t = performance.now();
const drained = await dispatcher.drain();
const drainMs = performance.now() - t;

console.log(`backend ${backend}`);
console.log(`jobs: bare core.jobs writes ${rate(jobCount, bareMs)}; runner ${rate(jobCount, runMs)} end to end ` +
  `(enqueue alone ${rate(jobCount, enqueueMs)}); ratio runner ÷ bare ${(bareMs / runMs).toFixed(2)}`);
console.log(`job latency enqueue→succeeded: median ${latencies[10]!.toFixed(0)} ms, max ${latencies.at(-1)!.toFixed(0)} ms`);
console.log(`events: outbox inserts ${rate(eventCount, emitMs)}; delivered ${drained.delivered} (handled ${handled}) ` +
  `at ${rate(drained.delivered, drainMs)}; ratio deliveries/s ÷ inserts/s ${((drained.delivered / drainMs) / (eventCount / emitMs)).toFixed(2)}`);
await test.destroy();
