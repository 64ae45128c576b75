import { procedure, router } from "@opsdeck/plugin-sdk";
import { z } from "zod";
import { DASHBOARDS_MANAGE, DASHBOARDS_READ } from "../common.ts";
import { createDashboard, deleteDashboard, getDashboard, listDashboards, updateDashboard } from "./service.ts";
import { widgetListSchema } from "./widgets.ts";

const dashboardInput = z.object({
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(500).default(""),
  widgets: widgetListSchema.default([]),
  sharing: z.enum(["private", "organization"]).default("private"),
});

/** Built-in and custom dashboards. What their widgets show is asked from `kpis.*`, scoped to the caller. */
export const dashboardsRouter = router({
  list: procedure.permission(DASHBOARDS_READ).query(({ ctx }) => listDashboards(ctx)),
  get: procedure
    .permission(DASHBOARDS_READ)
    .input(z.object({ id: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => getDashboard(ctx, input.id)),
  create: procedure
    .permission(DASHBOARDS_MANAGE)
    .input(dashboardInput)
    .mutation(({ ctx, input }) => createDashboard(ctx, input)),
  update: procedure
    .permission(DASHBOARDS_MANAGE)
    .input(dashboardInput.partial().extend({ id: z.guid() }))
    .mutation(({ ctx, input: { id, ...patch } }) => updateDashboard(ctx, id, patch)),
  delete: procedure
    .permission(DASHBOARDS_MANAGE)
    .input(z.object({ id: z.guid() }))
    .mutation(async ({ ctx, input }) => {
      await deleteDashboard(ctx, input.id);
      return { deleted: true };
    }),
});
