import type { TenantContext } from "./context.ts";
import type { RecordEntity } from "./entities.ts";
import { OpsdeckError } from "./errors.ts";

/** How a write reaches the validators. */
export type RecordOperation = "create" | "update" | "import";

/**
 * One record as validators see it: field values by the record table's property names (`closeDate`,
 * `accountId`). On update and import it is the record after the change (stored values with the new ones
 * over them); on import a reference holds what the file wrote (an external id, an owner's email).
 */
export interface RecordCandidate {
  values: Readonly<Record<string, unknown>>;
  /** The stored record before the change (update, and import of an existing external id); null when new. */
  before: Readonly<Record<string, unknown>> | null;
}

/** A rule a record breaks: `block` refuses the write, `warn` lets it through and tells the caller. */
export interface RecordViolation {
  severity: "block" | "warn";
  /** The field it is about (a record property name), or null for the whole record. */
  field: string | null;
  message: string;
  /** Who raised it, e.g. `crm-hygiene:<rule id>`. */
  source?: string | undefined;
}

/** Checks a batch of records of one entity; returns the violations of each, in the same order. */
export type RecordCheck = (records: readonly RecordCandidate[]) => Promise<RecordViolation[][]> | RecordViolation[][];

/**
 * Validation that comes from outside core (plugins' rules), attached to a `TenantContext` by the host.
 * `prepare` runs once per write or import, in the writer's transaction, and returns null when nothing
 * applies to the entity, so writes without rules pay nothing more.
 */
export interface RecordValidator {
  prepare(ctx: TenantContext, entity: RecordEntity, operation: RecordOperation): Promise<RecordCheck | null>;
}

/** Runs the context's validator on one record; throws BAD_REQUEST when a rule blocks, returns the warnings. */
export async function validateRecordWrite(
  ctx: TenantContext,
  entity: RecordEntity,
  operation: "create" | "update",
  candidate: RecordCandidate,
): Promise<RecordViolation[]> {
  const check = await ctx.recordValidator?.prepare(ctx, entity, operation);
  if (!check) return [];
  const [violations = []] = await check([candidate]);
  const blocking = violations.filter((v) => v.severity === "block");
  if (blocking.length) {
    throw new OpsdeckError("BAD_REQUEST", blocking.map((v) => v.message).join(" "), {
      issues: blocking.map((v) => ({ ...(v.field ? { path: [v.field] } : {}), message: v.message })),
    });
  }
  return violations;
}
