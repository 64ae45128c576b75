// A worker process for the crash test: starts a runner on PostgreSQL, enqueues one job, prints
// "started <job id>" once its handler runs, then hangs until the test kills it with SIGKILL.
import { openDatabase } from "@opsdeck/db";
import { systemContext } from "../../domain/context.ts";
import { createTestRunner } from "../test-support.ts";

const [url, organizationId] = process.argv.slice(2);
if (!url || !organizationId) throw new Error("usage: crash-worker.ts <postgres url> <organization id>");

const opened = await openDatabase({ url, maxConnections: 2 });
const runner = createTestRunner(opened);
runner.register(
  "test.crash",
  async ({ jobId }) => {
    process.stdout.write(`started ${jobId}\n`);
    await new Promise(() => {});
  },
  { heartbeatSeconds: 10, retryLimit: 2, retryDelaySeconds: 0, retryBackoff: false },
);
await runner.start();
await runner.enqueue(systemContext(opened.db, organizationId), "test.crash", { rows: 10 });
