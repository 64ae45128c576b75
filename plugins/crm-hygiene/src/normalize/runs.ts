import { OpsdeckError, recordAudit, type TenantContext } from "@opsdeck/core";
import type { ProgressReporter, TaskContext } from "@opsdeck/plugin-sdk";
import { queryRows, toCount } from "@opsdeck/db";
import { and, desc, eq, sql } from "drizzle-orm";
import { normalizationRuns, type NormalizationStatus } from "../schema/quality.ts";
import { countRecords, readPage } from "./record-pages.ts";
import { NORMALIZATION_RULES, type FieldChange, type RuleId } from "./rules.ts";
import { undoField, writeField, type UndoOutcome } from "./write-changes.ts";

export type NormalizationRun = typeof normalizationRuns.$inferSelect;

const PAGE = 2000;

/** A run of the organization; NOT_FOUND for another organization's id. */
export async function getRun(tenant: TenantContext, runId: string): Promise<NormalizationRun> {
  const [run] = await tenant.db
    .select()
    .from(normalizationRuns)
    .where(and(eq(normalizationRuns.organizationId, tenant.organizationId), eq(normalizationRuns.id, runId)));
  if (!run) throw new OpsdeckError("NOT_FOUND", "Normalization run was not found.");
  return run;
}

export function listRuns(tenant: TenantContext, limit = 50): Promise<NormalizationRun[]> {
  return tenant.db
    .select()
    .from(normalizationRuns)
    .where(eq(normalizationRuns.organizationId, tenant.organizationId))
    .orderBy(desc(normalizationRuns.createdAt))
    .limit(limit);
}

async function setStatus(tenant: TenantContext, runId: string, status: NormalizationStatus, more: Partial<NormalizationRun> = {}) {
  await tenant.db
    .update(normalizationRuns)
    .set({ status, ...more })
    .where(and(eq(normalizationRuns.organizationId, tenant.organizationId), eq(normalizationRuns.id, runId)));
}

const failureStatus = (err: unknown): NormalizationStatus =>
  err instanceof OpsdeckError && err.code === "CANCELLED" ? "cancelled" : "failed";

/**
 * Applies a queued run (the `normalize` job): every record of every entity the rule covers, page by page,
 * in ONE transaction, so a failed or cancelled run changes nothing. Each changed value's before-value is
 * kept for undo.
 */
export async function applyRun(ctx: TaskContext, runId: string, defaultCountry: string, progress: ProgressReporter) {
  const run = await getRun(ctx.tenant, runId);
  if (run.status !== "queued") throw new OpsdeckError("CONFLICT", `This run is ${run.status}; only a queued run can be applied.`);
  const rule = NORMALIZATION_RULES[run.rule as RuleId];
  if (!rule) throw new OpsdeckError("BAD_REQUEST", `Unknown normalization rule "${run.rule}".`);
  await setStatus(ctx.tenant, runId, "running");
  try {
    const counts = await ctx.db.transaction(async (db) => {
      const tenant = { ...ctx.tenant, db };
      let total = 0;
      for (const target of rule.targets) total += await countRecords(db, tenant.organizationId, target.entity);
      const counts = { scanned: 0, changed: 0, invalid: 0 };
      for (const target of rule.targets) {
        let after: string | null = null;
        for (;;) {
          const page = await readPage(db, tenant.organizationId, target.entity, target.columns, after, PAGE);
          if (!page.length) break;
          after = page.at(-1)!.id;
          const extra = await rule.loadExtra?.(db, tenant.organizationId, target.entity, page.map((r) => r.id));
          const byField = new Map<string, ({ id: string } & FieldChange)[]>();
          for (const record of page) {
            const outcome = rule.apply(target.entity, record, { defaultCountry, extra });
            if (outcome.invalid.length) counts.invalid += 1;
            for (const change of outcome.changes) {
              const list = byField.get(change.field) ?? [];
              list.push({ id: record.id, ...change });
              byField.set(change.field, list);
            }
          }
          const changedIds = new Set<string>();
          for (const [field, rows] of byField) {
            await writeField(db, { organizationId: tenant.organizationId, runId, entity: target.entity, field, rows });
            for (const r of rows) changedIds.add(r.id);
          }
          counts.changed += changedIds.size;
          counts.scanned += page.length;
          await progress({ done: counts.scanned, total, message: `${rule.label}: ${counts.changed} changed` }, { db });
        }
      }
      // What was really written (a record edited meanwhile is skipped by writeField).
      const [written] = await queryRows<{ n: unknown }>(
        db,
        sql`select count(distinct (entity, record_id)) as n from plugin_crm_hygiene.normalization_changes where run_id = ${runId}`,
      );
      counts.changed = toCount(written?.n);
      await tenant.db
        .update(normalizationRuns)
        .set({ status: "applied", ...counts, finishedAt: new Date() })
        .where(eq(normalizationRuns.id, runId));
      await recordAudit(tenant, { action: "crm-hygiene.normalization.applied", entityType: "normalization_run", entityId: runId, after: { rule: run.rule, ...counts } });
      return counts;
    });
    return { runId, rule: run.rule, ...counts };
  } catch (err) {
    await setStatus(ctx.tenant, runId, failureStatus(err), { finishedAt: new Date(), error: err instanceof Error ? err.message : String(err) });
    throw err;
  }
}

/**
 * Undoes an applied run (the `normalize-undo` job): puts back every value it changed, except in records
 * edited or deleted since, which are skipped and listed. One transaction.
 */
export async function undoRun(ctx: TaskContext, runId: string, progress: ProgressReporter) {
  const run = await getRun(ctx.tenant, runId);
  if (run.status !== "undoing") throw new OpsdeckError("CONFLICT", `This run is ${run.status}; it cannot be undone now.`);
  try {
    return await ctx.db.transaction(async (db) => {
      const tenant = { ...ctx.tenant, db };
      const list = await queryRows<{ entity: string; field: string }>(
        db,
        sql`select distinct entity, field from plugin_crm_hygiene.normalization_changes where run_id = ${runId} order by entity, field`,
      );
      const result: UndoOutcome = { restored: 0, skipped: 0, skippedRecords: [] };
      let done = 0;
      for (const g of list) {
        const outcome = await undoField(db, { organizationId: tenant.organizationId, runId, ...g, listLimit: 100 });
        result.restored += outcome.restored;
        result.skipped += outcome.skipped;
        result.skippedRecords.push(...outcome.skippedRecords.slice(0, Math.max(0, 100 - result.skippedRecords.length)));
        done += 1;
        await progress({ done, total: list.length, message: `${result.restored} restored, ${result.skipped} skipped` }, { db });
      }
      await tenant.db
        .update(normalizationRuns)
        .set({ status: result.skipped ? "partly_undone" : "undone", undoResult: result, undoneAt: new Date() })
        .where(eq(normalizationRuns.id, runId));
      await recordAudit(tenant, { action: "crm-hygiene.normalization.undone", entityType: "normalization_run", entityId: runId, after: { restored: result.restored, skipped: result.skipped } });
      return { runId, ...result };
    });
  } catch (err) {
    // The undo rolled back: the run stays applied and can be undone again.
    await setStatus(ctx.tenant, runId, "applied", { error: err instanceof Error ? `Undo: ${err.message}` : String(err) });
    throw err;
  }
}

type Enqueue = (name: string, input: unknown) => Promise<{ id: string }>;

/** Creates a queued run of a rule and queues the job that applies it (together). */
export async function startRun(tenant: TenantContext, enqueue: Enqueue, rule: RuleId): Promise<NormalizationRun> {
  const [running] = await tenant.db
    .select({ id: normalizationRuns.id })
    .from(normalizationRuns)
    .where(and(eq(normalizationRuns.organizationId, tenant.organizationId), sql`${normalizationRuns.status} in ('queued', 'running', 'undoing')`));
  if (running) throw new OpsdeckError("CONFLICT", "Another normalization run is in progress; wait for it to finish.");
  const [run] = await tenant.db
    .insert(normalizationRuns)
    .values({ organizationId: tenant.organizationId, rule, createdByUserId: tenant.actorUserId })
    .returning();
  const job = await enqueue("normalize", { runId: run!.id });
  const [updated] = await tenant.db.update(normalizationRuns).set({ jobId: job.id }).where(eq(normalizationRuns.id, run!.id)).returning();
  return updated!;
}

/** Marks an applied run for undo and queues the job that undoes it. */
export async function startUndo(tenant: TenantContext, enqueue: Enqueue, runId: string): Promise<NormalizationRun> {
  const run = await getRun(tenant, runId);
  if (run.status !== "applied") {
    throw new OpsdeckError("CONFLICT", run.undoneAt ? "This run was already undone." : `This run is ${run.status}; only an applied run can be undone.`);
  }
  const job = await enqueue("normalize-undo", { runId });
  const [updated] = await tenant.db
    .update(normalizationRuns)
    .set({ status: "undoing", undoJobId: job.id, error: null })
    .where(eq(normalizationRuns.id, runId))
    .returning();
  return updated!;
}

/** A run whose job was cancelled before it started: a queued run ends cancelled, an undo leaves it applied. */
export async function settleUnstarted(tenant: TenantContext, run: NormalizationRun): Promise<void> {
  if (run.status === "queued") await setStatus(tenant, run.id, "cancelled", { finishedAt: new Date() });
  if (run.status === "undoing") await setStatus(tenant, run.id, "applied");
}
