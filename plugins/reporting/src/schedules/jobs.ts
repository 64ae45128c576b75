import { defineJob, type TaskContext } from "@opsdeck/plugin-sdk";
import { z } from "zod";
import { takeWeeklySnapshot } from "../forecasts/snapshots.ts";
import { deliverRun, enqueueDueSchedules, settleAbandonedRuns } from "./run-due.ts";

/** How often the host queues the scheduler (manifest `schedules`): the finest cron granularity users get in practice. */
export const SCHEDULER_EVERY_MINUTES = 5;
/** The snapshot job runs daily; it takes a snapshot only once per week (the `snapshotWeekday` setting). */
export const SNAPSHOT_EVERY_MINUTES = 24 * 60;

const clock = z.object({ now: z.iso.datetime().optional() }).default({});

/**
 * `reporting.scheduler`: fires due schedules and alerts, and marks failed the runs whose delivery job gave up.
 * Idempotent; the host queues it every 5 minutes in each organization with the plugin on ("Run due now" and
 * `opsdeck report tick` run the same work).
 */
export const schedulerJob = defineJob({
  input: clock,
  async run(ctx: TaskContext, input, progress) {
    const now = input.now ? new Date(input.now) : new Date();
    await progress({ done: 0, total: 2, message: "Settling failed deliveries" });
    const settled = await settleAbandonedRuns(ctx, now);
    await progress({ done: 1, total: 2, message: "Due schedules" });
    const fired = await enqueueDueSchedules(ctx, now);
    await progress({ done: 2, total: 2 });
    return { schedulesFired: fired, runsSettled: settled };
  },
});

/** `reporting.deliver-schedule`: builds and mails one run of a schedule (never twice for the same run). */
export const deliverScheduleJob = defineJob({
  input: z.object({ runId: z.guid() }),
  async run(ctx: TaskContext, input, progress) {
    await progress({ done: 0, total: 1, message: "Building the mail" });
    const result = await deliverRun(ctx, input.runId);
    await progress({ done: 1, total: 1 });
    return result;
  },
});

/**
 * `reporting.snapshot-pipeline`: the weekly pipeline snapshot. The host queues it daily; it takes the
 * snapshot of the current week's snapshot day (setting `snapshotWeekday`) the first time it runs on or after
 * that day, and does nothing the other days (one snapshot per organization and day, unique).
 */
export const snapshotJob = defineJob({
  input: clock,
  async run(ctx: TaskContext, input) {
    const { snapshot, created } = await takeWeeklySnapshot(ctx, input.now ? new Date(input.now) : new Date());
    return { takenOn: snapshot.takenOn, rows: snapshot.rowCount, created };
  },
});
