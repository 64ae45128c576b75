import { procedure, router } from "@opsdeck/plugin-sdk";
import { z } from "zod";
import { SCHEDULES_MANAGE } from "../common.ts";
import { deleteSchedule, listRuns, listSchedules, saveSchedule, scheduleInput } from "./schedules.ts";

/** `reporting.schedules.*`: emailed reports and alerts. */
export const schedulesRouter = router({
  list: procedure.permission(SCHEDULES_MANAGE).query(({ ctx }) => listSchedules(ctx.tenant)),
  runs: procedure
    .permission(SCHEDULES_MANAGE)
    .input(z.object({ scheduleId: z.guid().optional() }).default({}))
    .query(({ ctx, input }) => listRuns(ctx.tenant, input.scheduleId)),
  create: procedure
    .permission(SCHEDULES_MANAGE)
    .input(scheduleInput)
    .mutation(({ ctx, input }) => saveSchedule(ctx.tenant, input)),
  update: procedure
    .permission(SCHEDULES_MANAGE)
    .input(scheduleInput.extend({ id: z.guid() }))
    .mutation(({ ctx, input }) => {
      const { id, ...rest } = input;
      return saveSchedule(ctx.tenant, rest, id);
    }),
  delete: procedure
    .permission(SCHEDULES_MANAGE)
    .input(z.object({ id: z.guid() }))
    .mutation(async ({ ctx, input }) => {
      await deleteSchedule(ctx.tenant, input.id);
      return { id: input.id, deleted: true };
    }),
  /** Fires what is due now (the scheduler job does this by itself every few minutes). */
  runDue: procedure.permission(SCHEDULES_MANAGE).mutation(async ({ ctx }) => ctx.jobs.enqueue("scheduler", {})),
});
