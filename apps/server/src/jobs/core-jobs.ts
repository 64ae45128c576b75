import fs from "node:fs";
import { z } from "zod";
import { IMPORT_MODES, importCsv, importMappingSchema, OpsdeckError, type JobRunner, type RecordValidator } from "@opsdeck/core";

export const importJobInput = z.object({
  entity: z.string(),
  /** The uploaded file, stored by the server under `.opsdeck/uploads`. */
  path: z.string(),
  fileName: z.string().optional(),
  mode: z.enum(IMPORT_MODES).default("all-or-nothing"),
  mapping: importMappingSchema.optional(),
});
export type ImportJobInput = z.input<typeof importJobInput>;

/**
 * Core's own background work: CSV imports started from the web wizard. `validatorFor` gives the enabled
 * plugins' record validation rules of an organization (the plugin host's), which imports must pass.
 */
export function registerCoreJobs(
  runner: JobRunner,
  validatorFor: (organizationId: string) => Promise<RecordValidator | undefined> = () => Promise.resolve(undefined),
): void {
  runner.register(
    "core.import",
    async (job) => {
      const input = importJobInput.parse(job.input);
      // The importer writes progress to the job row itself (inside its transaction on the embedded
      // database, where a write from outside would wait for it), and stops when the signal aborts.
      const recordValidator = await validatorFor(job.tenant.organizationId);
      const result = await importCsv({ ...job.tenant, recordValidator }, {
        entity: input.entity,
        input: fs.createReadStream(input.path),
        mode: input.mode,
        mapping: input.mapping,
        jobId: job.jobId,
        signal: job.signal,
        fileName: input.fileName,
      });
      if (!result.committed) {
        const first = result.errors
          .slice(0, 3)
          .map((e) => `row ${e.row}, ${e.column}: ${e.message}`)
          .join("; ");
        throw new OpsdeckError("BAD_REQUEST", `${result.errorCount} row error(s), nothing was imported. ${first}`, {
          issues: result.errors.slice(0, 200).map((e) => ({ row: e.row, column: e.column ?? undefined, value: e.value ?? undefined, message: e.message })),
        });
      }
      return { ...result, errors: result.errors.slice(0, 200) };
    },
    // Bad rows fail the same way every time, and an interrupted import rolled back: the user re-runs it.
    { retryLimit: 0 },
  );
}
