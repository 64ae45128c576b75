// Helpers shared by the runtime's tests (not exported from the package).
import type { Database, OpenedDatabase } from "@opsdeck/db";
import { drizzle } from "drizzle-orm/pglite";
import { pino } from "pino";
import type { TenantContext } from "../domain/context.ts";
import { getJob, type JobRow } from "../services/jobs.ts";
import { createJobRunner } from "./job-runner.ts";
import type { JobRunner, JobRunnerOptions } from "./job-types.ts";

export const quietLogger = pino({ level: "silent" });

/** A runner that polls and supervises every second or faster, so tests take seconds. */
export function createTestRunner(opened: OpenedDatabase, extra: Partial<JobRunnerOptions> = {}): JobRunner {
  return createJobRunner({
    opened,
    logger: quietLogger,
    pollingIntervalSeconds: 0.5,
    cancelPollMs: 100,
    ...extra,
    pgBoss: { superviseIntervalSeconds: 1, monitorIntervalSeconds: 1, ...extra.pgBoss },
  });
}

/**
 * Polls the job's row until it satisfies `check` and returns it. (Not vitest's waitFor: the crash
 * test's worker process imports this file outside vitest.)
 */
export async function waitForJob(
  ctx: TenantContext,
  jobId: string,
  check: (row: JobRow) => boolean,
  timeoutMs = 20_000,
): Promise<JobRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await getJob(ctx, jobId);
    if (check(row)) return row;
    if (Date.now() > deadline) {
      throw new Error(`gave up waiting: job is ${row.status} (${row.progressDone}/${row.progressTotal}, ${row.message})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A promise a test opens by hand, to hold a handler at a known point. */
export function createGate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/**
 * What a process killed right now would leave on disk, opened as a new embedded database: PGlite's
 * data directory image (committed work only), loaded into a fresh instance. Much faster than copying
 * a folder database, whose first open runs initdb.
 */
export async function reopenCrashImage(opened: OpenedDatabase): Promise<OpenedDatabase> {
  type PGliteClient = Extract<OpenedDatabase["raw"], { backend: "pglite" }>["client"];
  if (opened.raw.backend !== "pglite") throw new Error("crash images are for the embedded database");
  const live: PGliteClient = opened.raw.client;
  const image = await live.dumpDataDir("none");
  const PGlite = live.constructor as unknown as { create(options: { loadDataDir: Blob }): Promise<PGliteClient> };
  const client = await PGlite.create({ loadDataDir: image });
  return {
    backend: "pglite",
    location: "memory",
    db: drizzle({ client }) as unknown as Database,
    raw: { backend: "pglite", client },
    copyCsv: () => Promise.reject(new Error("not supported on a crash image")),
    close: () => client.close(),
  };
}
