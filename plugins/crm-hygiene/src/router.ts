import { router } from "@opsdeck/plugin-sdk";
import { qualityRouter } from "./audits/router.ts";
import { duplicatesRouter } from "./duplicates/router.ts";
import { normalizationRouter } from "./normalize/router.ts";
import { validationRouter } from "./validation/router.ts";

/** The plugin's API at /api/trpc/crm-hygiene; each area adds its sub-router here. */
export const hygieneRouter = router({
  quality: qualityRouter,
  normalization: normalizationRouter,
  validation: validationRouter,
  duplicates: duplicatesRouter,
});

export type HygieneRouter = typeof hygieneRouter;
