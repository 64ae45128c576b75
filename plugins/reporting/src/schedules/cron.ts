import { OpsdeckError } from "@opsdeck/core";
import { Cron } from "croner";

/** Presets the page offers; anything else is a 5-field cron expression. */
export const CADENCE_PRESETS = {
  daily: "0 8 * * *",
  weekly: "0 8 * * 1",
  monthly: "0 8 1 * *",
} as const;

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The first due time strictly after `after`, in the schedule's time zone; BAD_REQUEST for a bad expression or zone. */
export function nextDue(cron: string, timeZone: string, after: Date): Date {
  if (!validTimeZone(timeZone)) throw new OpsdeckError("BAD_REQUEST", `Unknown time zone ${timeZone}.`, { issues: [{ path: ["timeZone"], message: "Unknown time zone" }] });
  if (cron.trim().split(/\s+/).length !== 5) throw new OpsdeckError("BAD_REQUEST", "Use 5 cron fields: minute hour day month weekday.", { issues: [{ path: ["cron"], message: "Use 5 fields" }] });
  let next: Date | null;
  try {
    next = new Cron(cron, { timezone: timeZone, paused: true }).nextRun(after);
  } catch (err) {
    throw new OpsdeckError("BAD_REQUEST", `Not a cron expression: ${(err as Error).message}`, { issues: [{ path: ["cron"], message: "Not a cron expression" }] });
  }
  if (!next) throw new OpsdeckError("BAD_REQUEST", "That schedule never fires.", { issues: [{ path: ["cron"], message: "Never fires" }] });
  return next;
}
