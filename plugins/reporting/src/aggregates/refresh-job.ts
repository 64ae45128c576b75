import type { Database } from "@opsdeck/db";
import { defineJob } from "@opsdeck/plugin-sdk";
import { z } from "zod";
import { rebuildAggregates, refreshAggregates } from "./maintain.ts";

/** Sweeps (or, with `rebuild`, rebuilds) the organization's aggregates; safe to re-run after a crash. */
export const refreshAggregatesJob = defineJob({
  input: z.object({ rebuild: z.boolean().default(false) }),
  async run(ctx, input, progress) {
    const steps = 4;
    let done = 0;
    // Progress is written through the refresh's own transaction (the embedded database has one connection).
    const step = async (message: string, db: Database) => {
      await progress({ done: Math.min(done, steps), total: steps, message }, { db });
      done += 1;
    };
    const organizationId = ctx.tenant.organizationId;
    if (input.rebuild) {
      const { asOf } = await rebuildAggregates(ctx.db, organizationId, step);
      return { mode: "rebuild", asOf: asOf.toISOString() };
    }
    const result = await refreshAggregates(ctx.db, organizationId, step);
    return { mode: result.mode, asOf: result.asOf.toISOString(), records: result.records };
  },
});
