import { organizations, jobs } from "@opsdeck/core/schema";
import type { Database } from "@opsdeck/db";
import { and, eq, gt, sql } from "drizzle-orm";
import { jobType } from "../context/facades.ts";
import type { Logger } from "../logger.ts";
import type { JobQueue } from "../runtime/interfaces.ts";
import type { ContextResolver } from "./context-resolver.ts";
import type { PluginRegistry } from "./registry.ts";

/**
 * One pass of the plugins' `schedules`: in every organization where a plugin is on, queues each scheduled
 * job of it unless one of that type was queued within its `everyMinutes`. Each check-and-queue holds a
 * transaction-scoped advisory lock on (organization, job type), so servers ticking together queue it once.
 * Returns how many jobs it queued.
 */
export async function runSchedules(
  deps: { db: Database; registry: PluginRegistry; resolver: ContextResolver; queue: JobQueue; logger: Logger },
  now: Date = new Date(),
): Promise<number> {
  const plugins = deps.registry.healthy.filter((p) => p.schedules?.length);
  if (!plugins.length) return 0;
  const orgs = await deps.db.select({ id: organizations.id }).from(organizations);
  let queued = 0;
  for (const org of orgs) {
    const state = await deps.resolver.orgState(org.id);
    if (!state) continue;
    for (const plugin of plugins) {
      if (!state.isEnabled(plugin.id)) continue;
      for (const schedule of plugin.schedules ?? []) {
        const type = jobType(plugin.id, schedule.job);
        const job = plugin.jobs?.[schedule.job];
        try {
          const input: unknown = job?.input ? await job.input.parseAsync({}) : {};
          await deps.db.transaction(async (tx) => {
            await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`opsdeck-schedule:${org.id}:${type}`}))`);
            const since = new Date(now.getTime() - schedule.everyMinutes * 60_000);
            const [recent] = await tx
              .select({ id: jobs.id })
              .from(jobs)
              .where(and(eq(jobs.organizationId, org.id), eq(jobs.type, type), gt(jobs.createdAt, since)))
              .limit(1);
            if (recent) return;
            await deps.queue.enqueue({ db: tx, organizationId: org.id, actorUserId: null }, type, input, { db: tx });
            queued += 1;
          });
        } catch (err) {
          deps.logger.warn({ plugin: plugin.id, job: schedule.job, organizationId: org.id, err }, "could not queue a scheduled job");
        }
      }
    }
  }
  return queued;
}
