import path from "node:path";
import { definePlugin } from "@opsdeck/plugin-sdk";
import { DUPLICATES_MERGE, DUPLICATES_READ, HYGIENE_READ, hygieneSettings, NORMALIZE_RUN, PLUGIN_ID, RULES_MANAGE } from "./common.ts";
import { hygieneRouter } from "./router.ts";
import { scanCommand } from "./audits/cli.ts";
import { duplicatesCommand, mergeCommand, unmergeCommand } from "./duplicates/cli.ts";
import { duplicateEvents } from "./duplicates/events.ts";
import { duplicatesBulkMergeJob, duplicatesScanJob } from "./duplicates/jobs.ts";
import { qualityScanJob } from "./audits/jobs.ts";
import { normalizeCommand } from "./normalize/cli.ts";
import { normalizeJob, normalizeUndoJob } from "./normalize/jobs.ts";
import { prepareRecordCheck } from "./validation/validator.ts";
import { seedHygiene } from "./demo/seed.ts";

export default definePlugin({
  id: PLUGIN_ID,
  name: "CRM hygiene",
  version: "0.1.0",
  description: "Duplicates, normalization, validation rules, data-quality audits and scores, merge with undo.",
  engines: { opsdeck: ">=0.1.0" },
  permissions: [
    { id: HYGIENE_READ, description: "See data-quality scores, audits and rule violations", defaultRoles: ["admin", "ops", "manager", "rep"] },
    { id: DUPLICATES_READ, description: "See duplicate candidates and the review queue", defaultRoles: ["admin", "ops", "manager"] },
    { id: DUPLICATES_MERGE, description: "Merge and unmerge records, mark pairs as not duplicates", defaultRoles: ["admin", "ops"] },
    { id: RULES_MANAGE, description: "Edit matching and validation rules", defaultRoles: ["admin", "ops"] },
    { id: NORMALIZE_RUN, description: "Preview, apply and undo normalization runs", defaultRoles: ["admin", "ops"] },
  ],
  db: { schema: "plugin_crm_hygiene", migrationsFolder: path.join(import.meta.dirname, "../drizzle") },
  router: hygieneRouter,
  settings: hygieneSettings,
  // Quality area: normalization runs, the data-quality scan, validation rules on every write and import.
  jobs: {
    normalize: normalizeJob,
    "normalize-undo": normalizeUndoJob,
    "quality-scan": qualityScanJob,
    // Duplicates area: full scans and bulk merges; new records are checked as they arrive.
    "duplicates-scan": duplicatesScanJob,
    "duplicates-bulk-merge": duplicatesBulkMergeJob,
  },
  // The daily data-quality snapshot (a scan run by hand that day counts).
  schedules: [{ job: "quality-scan", everyMinutes: 24 * 60 }],
  events: { ...duplicateEvents },
  cli: [normalizeCommand, scanCommand, duplicatesCommand, mergeCommand, unmergeCommand],
  // `opsdeck hygiene <command>` as well as `opsdeck crm-hygiene <command>`.
  cliAliases: ["hygiene"],
  recordValidators: prepareRecordCheck,
  seed: seedHygiene,
  slots: { "reporting.dashboard.widget": [{ id: "data-quality", title: "Data quality", size: "small" }] },
});
