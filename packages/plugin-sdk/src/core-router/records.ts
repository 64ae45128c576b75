import {
  convertLead,
  convertLeadSchema,
  createRecord,
  deleteRecord,
  getRecord,
  listRecords,
  RECORD_ENTITIES,
  restoreRecord,
  updateRecord,
  type RecordInput,
  type RecordViolation,
} from "@opsdeck/core";
import { z } from "zod";
import { procedure, router } from "../trpc/procedures.ts";

const entity = z.enum(RECORD_ENTITIES);
const byId = z.object({ entity, id: z.guid() });
// Each entity's fields are validated by core's schema for it (zod issues come back as BAD_REQUEST).
const values = z.record(z.string(), z.unknown());

/** `core.records.*`: accounts, contacts, leads, opportunities and activities of the organization. */
export function recordsRouter() {
  return router({
    list: procedure
      .permission("core.records.read")
      .input(
        z.object({
          entity,
          search: z.string().max(200).optional(),
          ownerIds: z.array(z.guid()).max(200).optional(),
          deleted: z.boolean().optional(),
          sort: z.string().max(64).optional(),
          direction: z.enum(["asc", "desc"]).optional(),
          limit: z.number().int().min(1).max(1000).default(50),
          offset: z.number().int().min(0).default(0),
        }),
      )
      .query(({ ctx, input }) => {
        const { entity: which, ...query } = input;
        return listRecords(ctx.tenant, which, query);
      }),
    get: procedure
      .permission("core.records.read")
      .input(byId)
      .query(({ ctx, input }) => getRecord(ctx.tenant, input.entity, input.id)),
    create: procedure
      .permission("core.records.write")
      .input(z.object({ entity, values }))
      .mutation(async ({ ctx, input }) => {
        // Plugins' validation rules that only warn come back with the record (blocking ones are a BAD_REQUEST).
        const warnings: RecordViolation[] = [];
        const row = await createRecord(ctx.tenant, input.entity, input.values as RecordInput<typeof input.entity>, { warnings });
        return { ...row, warnings };
      }),
    update: procedure
      .permission("core.records.write")
      .input(byId.extend({ values }))
      .mutation(async ({ ctx, input }) => {
        const warnings: RecordViolation[] = [];
        const values = input.values as Partial<RecordInput<typeof input.entity>>;
        const row = await updateRecord(ctx.tenant, input.entity, input.id, values, { warnings });
        return { ...row, warnings };
      }),
    delete: procedure
      .permission("core.records.write")
      .input(byId)
      .mutation(async ({ ctx, input }) => {
        await deleteRecord(ctx.tenant, input.entity, input.id);
        return { id: input.id, deleted: true };
      }),
    restore: procedure
      .permission("core.records.write")
      .input(byId)
      .mutation(async ({ ctx, input }) => {
        await restoreRecord(ctx.tenant, input.entity, input.id);
        return { id: input.id, deleted: false };
      }),
    /** Converts a lead into a contact (new or existing), an account (new, existing or none) and optionally a deal. */
    convertLead: procedure
      .permission("core.records.write")
      .input(convertLeadSchema)
      .mutation(async ({ ctx, input }) => {
        const warnings: RecordViolation[] = [];
        const conversion = await convertLead(ctx.tenant, input, { warnings });
        return { ...conversion, warnings };
      }),
  });
}
