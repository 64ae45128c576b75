import type { PluginCommand } from "@opsdeck/plugin-sdk";
import { takeWeeklySnapshot } from "../forecasts/snapshots.ts";
import { enqueueDueSchedules, settleAbandonedRuns } from "./run-due.ts";

/**
 * `opsdeck report tick [--json]`: this week's pipeline snapshot if missing, then what the `scheduler` job does
 * (settle failed deliveries, fire due schedules). The host runs both jobs by itself; this is for running them
 * now (or from the system's cron on a server that does not run jobs). Idempotent.
 */
export const tickCommand: PluginCommand = {
  name: "tick",
  description: "Take this week's pipeline snapshot if missing and fire due schedules (idempotent)",
  options: [{ name: "json", description: "Print JSON", type: "boolean", default: false }],
  async run(ctx, args, io) {
    const { snapshot, created } = await takeWeeklySnapshot(ctx);
    const settled = await settleAbandonedRuns(ctx);
    const fired = await enqueueDueSchedules(ctx);
    const result = { snapshot: snapshot.takenOn, snapshotCreated: created, schedulesFired: fired, runsSettled: settled };
    io.out(args.json ? `${JSON.stringify(result)}\n` : `Snapshot ${snapshot.takenOn}${created ? " taken" : " already there"}; ${fired} schedule(s) fired.\n`);
  },
};
