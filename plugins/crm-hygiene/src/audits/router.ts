import { pluginSettings, procedure, router, withTransaction } from "@opsdeck/plugin-sdk";
import { z } from "zod";
import { HYGIENE_READ, hygieneSettings, NORMALIZE_RUN } from "../common.ts";
import { auditSummary, listAuditRecords, recordQuality } from "./audit-lists.ts";
import { AUDITED_ENTITIES } from "./checks.ts";
import { qualityOverview, scoreTrend } from "./scores.ts";

/** `crm-hygiene.quality.*`: scores, trend, audits, and the scan. */
export const qualityRouter = router({
  overview: procedure
    .permission(HYGIENE_READ)
    .input(z.object({ days: z.number().int().min(2).max(730).default(90) }).default({ days: 90 }))
    .query(({ ctx, input }) => qualityOverview(ctx.tenant, input)),
  trend: procedure
    .permission(HYGIENE_READ)
    .input(z.object({ ownerId: z.guid().optional(), teamId: z.guid().optional(), days: z.number().int().min(2).max(730).default(30) }))
    .query(({ ctx, input }) => scoreTrend(ctx.tenant, input)),
  audits: procedure
    .permission(HYGIENE_READ)
    .query(({ ctx }) => auditSummary(ctx.tenant, pluginSettings(ctx, hygieneSettings).staleAfterDays)),
  auditRecords: procedure
    .permission(HYGIENE_READ)
    .input(
      z.object({
        check: z.string().min(1).max(100),
        ownerId: z.guid().optional(),
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().min(0).default(0),
      }),
    )
    .query(({ ctx, input }) =>
      listAuditRecords(ctx.tenant, input.check, { ...input, staleDays: pluginSettings(ctx, hygieneSettings).staleAfterDays }),
    ),
  record: procedure
    .permission(HYGIENE_READ)
    .input(z.object({ entity: z.enum(AUDITED_ENTITIES), id: z.guid() }))
    .query(({ ctx, input }) => recordQuality(ctx.tenant, input.entity, input.id, pluginSettings(ctx, hygieneSettings).staleAfterDays)),
  /** Queues a scan now (ops; the daily one runs by itself). */
  scan: procedure
    .permission(NORMALIZE_RUN)
    .mutation(({ ctx }) => withTransaction(ctx, (tx) => tx.jobs.enqueue("quality-scan", {}))),
});
