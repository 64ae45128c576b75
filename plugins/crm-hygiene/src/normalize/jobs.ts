import { defineJob, pluginSettings } from "@opsdeck/plugin-sdk";
import { z } from "zod";
import { hygieneSettings } from "../common.ts";
import { applyRun, undoRun } from "./runs.ts";

const runInput = z.object({ runId: z.guid() });

/** Applies a queued normalization run. */
export const normalizeJob = defineJob({
  input: runInput,
  run: (ctx, input, progress) => applyRun(ctx, input.runId, pluginSettings(ctx, hygieneSettings).defaultCountry, progress),
});

/** Undoes an applied normalization run. */
export const normalizeUndoJob = defineJob({
  input: runInput,
  run: (ctx, input, progress) => undoRun(ctx, input.runId, progress),
});
