import { queryAudit } from "@opsdeck/core";
import { z } from "zod";
import { procedure, router } from "../trpc/procedures.ts";

/** `core.audit.*`: who did what, filtered by user, entity and dates, a page at a time. */
export function auditRouter() {
  return router({
    list: procedure
      .permission("core.audit.read")
      .input(
        z
          .object({
            actorUserId: z.guid().optional(),
            entityType: z.string().max(64).optional(),
            entityId: z.string().max(200).optional(),
            from: z.coerce.date().optional(),
            to: z.coerce.date().optional(),
            limit: z.number().int().min(1).max(500).default(50),
            offset: z.number().int().min(0).default(0),
          })
          .default({ limit: 50, offset: 0 }),
      )
      .query(async ({ ctx, input }) => {
        // One row more than asked tells whether there is a next page without counting the whole log.
        const rows = await queryAudit(ctx.tenant, { ...input, limit: input.limit + 1 });
        return { rows: rows.slice(0, input.limit), hasMore: rows.length > input.limit };
      }),
  });
}
