// Shared by the server and web parts (and by other plugins, which may import only this entry).
import { z } from "zod";

export const PLUGIN_ID = "crm-hygiene";

/** Permission ids. */
export const HYGIENE_READ = "crm-hygiene.quality.read"; // overview, scores, audits, violations
export const DUPLICATES_READ = "crm-hygiene.duplicates.read"; // the review queue and candidates
export const DUPLICATES_MERGE = "crm-hygiene.duplicates.merge"; // merge, unmerge, "not a duplicate", bulk merge
export const RULES_MANAGE = "crm-hygiene.rules.manage"; // matching rules and validation rules
export const NORMALIZE_RUN = "crm-hygiene.normalize.run"; // preview, apply and undo normalization runs

/** Settings per organization; every field has a default. */
export const hygieneSettings = z.object({
  staleAfterDays: z.number().int().min(1).max(3650).default(90),
  defaultCountry: z.string().length(2).toUpperCase().default("US"),
});
export type HygieneSettings = z.output<typeof hygieneSettings>;
