import { sql } from "drizzle-orm";
import type { Database } from "@opsdeck/db";
import { fromDrizzle, type DrizzleTransactionLike, type PgBoss, type SendOptions } from "pg-boss";
import { pino } from "pino";
import { z } from "zod";
import { withDb, type TenantContext } from "../domain/context.ts";
import { OpsdeckError, badRequest } from "../domain/errors.ts";
import { createJob, requestJobCancel } from "../services/jobs.ts";
import { createBoss } from "./boss.ts";
import { runAttempt, type AttemptEnv, type JobPayload, type RunningAttempt } from "./job-attempt.ts";
import { cancelPendingBossJob, releaseOrphanedJobs, reconcileJobRows } from "./job-recovery.ts";
import { cancelRequestedAmong } from "./job-rows.ts";
import type { JobHandler, JobRunner, JobRunnerOptions, JobTypeOptions, JobRunnerStopOptions } from "./job-types.ts";

interface Definition {
  type: string;
  handler: JobHandler;
  send: SendOptions;
  concurrency: number;
}

// pg-boss's queue-name rule, minus a leading underscore (its internal queues start with "__pgboss").
const JOB_TYPE = /^[A-Za-z0-9][\w.\-/]{0,99}$/;

const typeOptionsSchema = z.strictObject({
  retryLimit: z.int().min(0).max(100).optional(),
  retryDelaySeconds: z.int().min(0).optional(),
  retryBackoff: z.boolean().optional(),
  expireInSeconds: z.int().min(1).max(24 * 3600).optional(),
  heartbeatSeconds: z.int().min(10).optional(),
  concurrency: z.int().min(1).max(100).optional(),
});

/** Creates the background job runner on Opsdeck's database (pg-boss in its own `pgboss` schema). */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { opened } = options;
  const logger = (options.logger ?? pino({ name: "opsdeck" })).child({ component: "jobs" });
  const definitions = new Map<string, Definition>();
  const running = new Map<string, RunningAttempt>();
  const env: AttemptEnv = {
    db: opened.db,
    backend: opened.backend,
    logger,
    running,
    // Plain SQL (pg-boss's own cancel statement), because this happens while pg-boss is shutting down.
    dropRetry: (type, jobId) => cancelPendingBossJob(opened.db, type, jobId),
  };
  const timers: NodeJS.Timeout[] = [];
  const chores = new Set<Promise<unknown>>();
  let boss: PgBoss | null = null;
  let booting: Promise<PgBoss> | null = null;
  let started = false;
  // Queue creation (and workers) for types registered after boot, in order.
  let setup: Promise<void> = Promise.resolve();

  function define(type: string, handler: JobHandler, raw: JobTypeOptions): Definition {
    if (!JOB_TYPE.test(type)) {
      throw badRequest(`Invalid job type "${type}": use letters, digits, ".", "-", "_" or "/".`);
    }
    const parsed = typeOptionsSchema.safeParse(raw);
    if (!parsed.success) throw badRequest(`Invalid options for job type "${type}": ${z.prettifyError(parsed.error)}`);
    const o = parsed.data;
    const send: SendOptions = {
      retryLimit: o.retryLimit ?? 2,
      retryDelay: o.retryDelaySeconds ?? 2,
      retryBackoff: o.retryBackoff ?? true,
      expireInSeconds: o.expireInSeconds ?? 2 * 3600,
      // PGlite: one process, and a long transaction there would starve the heartbeat into a false alarm.
      ...(opened.backend === "postgres" ? { heartbeatSeconds: o.heartbeatSeconds ?? 30 } : {}),
    };
    return { type, handler, send, concurrency: o.concurrency ?? options.concurrency ?? 2 };
  }

  async function boot(): Promise<PgBoss> {
    if (boss) return boss;
    booting ??= (async () => {
      const instance = createBoss(opened, options.pgBoss ?? {}, logger);
      await instance.start();
      for (const def of definitions.values()) await instance.createQueue(def.type, { notify: true });
      boss = instance;
      return instance;
    })();
    try {
      return await booting;
    } catch (err) {
      booting = null;
      throw err;
    }
  }

  async function startWorkers(instance: PgBoss, def: Definition) {
    const polling = options.pollingIntervalSeconds ?? 2;
    const workOptions = {
      includeMetadata: true,
      batchSize: 1,
      pollingIntervalSeconds: polling,
      // NOTIFY wakes workers for new jobs but not for retries coming due: keep polling at the same pace.
      notifyPollingIntervalSeconds: polling,
    } as const;
    // One pg-boss worker per slot, so each knows its own id: after a job it asks for the next one at
    // once, instead of sleeping out the polling interval while a backlog waits.
    for (let slot = 0; slot < def.concurrency; slot++) {
      const worker = { id: "" };
      worker.id = await instance.work<JobPayload, void, typeof workOptions>(def.type, workOptions, async ([job]) => {
        if (!job) return;
        try {
          await runAttempt(env, def.handler, job);
        } finally {
          if (worker.id) instance.notifyWorker(worker.id);
        }
      });
    }
  }

  /** Runs housekeeping off the caller's path, once at a time, and lets `stop()` wait for it. */
  function chore(name: string, busy: { on: boolean }, work: () => Promise<unknown>) {
    if (busy.on) return;
    busy.on = true;
    const promise = work()
      .catch((err: unknown) => logger.error({ err }, `${name} failed`))
      .finally(() => {
        busy.on = false;
        chores.delete(promise);
      });
    chores.add(promise);
  }
  const polling = { on: false };
  const reconciling = { on: false };

  const pollCancels = () =>
    chore("cancel poll", polling, async () => {
      if (running.size === 0) return;
      for (const id of await cancelRequestedAmong(opened.db, [...running.keys()])) {
        running.get(id)?.cancel.abort(new OpsdeckError("CANCELLED", "The job was cancelled."));
      }
    });

  const reconcile = () =>
    chore("job reconcile", reconciling, () => reconcileJobRows(opened.db, [...definitions.keys()], logger));

  return {
    register(type, handler, typeOptions = {}) {
      if (definitions.has(type)) throw new OpsdeckError("CONFLICT", `Job type "${type}" is already registered.`);
      const def = define(type, handler as JobHandler, typeOptions);
      definitions.set(type, def);
      const instance = boss;
      if (!instance) return;
      setup = setup
        .then(async () => {
          await instance.createQueue(type, { notify: true });
          if (started) await startWorkers(instance, def);
        })
        .catch((err: unknown) => logger.error({ err, type }, "could not set up a job type"));
    },

    async enqueue(tenant: TenantContext, type: string, input: unknown = null, enqueueOptions: { db?: Database } = {}) {
      const def = definitions.get(type);
      if (!def) throw badRequest(`Unknown job type "${type}".`);
      const instance = await boot();
      await setup;
      const send = async (tx: Database) => {
        const row = await createJob(withDb(tenant, tx), type, input);
        const payload: JobPayload = { jobId: row.id, organizationId: row.organizationId };
        // Same id on both sides, so core.jobs and pg-boss's job can be matched without another column.
        await instance.send(type, payload, {
          ...def.send,
          id: row.id,
          db: fromDrizzle(tx as unknown as DrizzleTransactionLike, sql),
        });
        return row;
      };
      return enqueueOptions.db ? send(enqueueOptions.db) : tenant.db.transaction((tx) => send(tx));
    },

    async cancel(tenant, jobId) {
      const row = await requestJobCancel(tenant, jobId);
      if (row.status === "cancelled") {
        // Queued: take it out of pg-boss too. If a worker got it first, the worker sees the row and skips it.
        const instance = await boot();
        await instance
          .cancel(row.type, jobId)
          .catch((err: unknown) => logger.warn({ err, jobId }, "pg-boss could not cancel the job; its worker will skip it"));
      } else {
        running.get(jobId)?.cancel.abort(new OpsdeckError("CANCELLED", "The job was cancelled."));
      }
      return row;
    },

    async start() {
      if (started) return;
      const instance = await boot();
      await setup;
      // Before any worker of ours claims a job: every `active` job on PGlite is a dead process's.
      if (opened.backend === "pglite") await releaseOrphanedJobs(opened.db, instance, logger);
      await reconcileJobRows(opened.db, [...definitions.keys()], logger);
      started = true;
      for (const def of definitions.values()) await startWorkers(instance, def);
      timers.push(
        setInterval(pollCancels, options.cancelPollMs ?? 2000).unref(),
        setInterval(reconcile, options.reconcileIntervalMs ?? 60_000).unref(),
      );
      logger.info({ types: [...definitions.keys()] }, "job runner started");
    },

    async stop(stopOptions: JobRunnerStopOptions = {}) {
      const { graceful = true, timeoutMs = 30_000 } = stopOptions;
      for (const timer of timers.splice(0)) clearInterval(timer);
      started = false;
      const instance = boss ?? (booting ? await booting.catch(() => null) : null);
      boss = null;
      booting = null;
      // pg-boss stops fetching, waits up to the timeout for running handlers, then fails what is left
      // (a retry for another worker) and aborts those handlers' signals.
      if (instance) await instance.stop({ graceful, timeout: timeoutMs, close: true });
      // Let released attempts record what happens next before the caller closes the database.
      const deadline = Date.now() + Math.min(timeoutMs, 5000);
      while (running.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await Promise.allSettled([...chores]);
      logger.info("job runner stopped");
    },
  };
}
