import { procedure, router } from "@opsdeck/plugin-sdk";
import { z } from "zod";
import { REPORTS_MANAGE, REPORTS_READ } from "../common.ts";
import { catalogFor } from "./catalog.ts";
import { reportDefinitionSchema } from "./definition.ts";
import { runReport } from "./run-report.ts";
import { createSavedReport, deleteSavedReport, getSavedReport, listSavedReports, saveReportInput, updateSavedReport } from "./saved-reports.ts";

const page = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(50) };

/** `reporting.reports.*`: the report builder's datasets, runs and saved reports. */
export const reportsRouter = router({
  datasets: procedure.permission(REPORTS_READ).query(({ ctx }) =>
    catalogFor(ctx).map((d) => ({ id: d.id, label: d.label, pluginId: d.pluginId ?? null, fields: d.fields.map(({ name, label, type }) => ({ name, label, type })), defaultColumns: d.defaultColumns })),
  ),
  run: procedure
    .permission(REPORTS_READ)
    .input(z.object({ definition: reportDefinitionSchema, ...page }))
    .query(({ ctx, input }) => runReport(ctx, catalogFor(ctx), input.definition, input)),
  runSaved: procedure
    .permission(REPORTS_READ)
    .input(z.object({ id: z.guid(), ...page }))
    .query(async ({ ctx, input }) => {
      const saved = await getSavedReport(ctx.tenant, input.id);
      return { report: saved, result: await runReport(ctx, catalogFor(ctx), saved.definition as never, input) };
    }),
  list: procedure.permission(REPORTS_READ).query(({ ctx }) => listSavedReports(ctx.tenant)),
  get: procedure
    .permission(REPORTS_READ)
    .input(z.object({ id: z.guid() }))
    .query(({ ctx, input }) => getSavedReport(ctx.tenant, input.id)),
  create: procedure
    .permission(REPORTS_MANAGE)
    .input(saveReportInput)
    .mutation(({ ctx, input }) => createSavedReport(ctx.tenant, input)),
  update: procedure
    .permission(REPORTS_MANAGE)
    .input(saveReportInput.extend({ id: z.guid() }))
    .mutation(({ ctx, input }) => {
      const { id, ...rest } = input;
      return updateSavedReport(ctx.tenant, id, rest);
    }),
  delete: procedure
    .permission(REPORTS_MANAGE)
    .input(z.object({ id: z.guid() }))
    .mutation(async ({ ctx, input }) => {
      await deleteSavedReport(ctx.tenant, input.id);
      return { id: input.id, deleted: true };
    }),
});
