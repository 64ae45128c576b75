import type { TenantContext } from "@opsdeck/core";
import { countRecords, readPage } from "./record-pages.ts";
import { NORMALIZATION_RULES, type NormalizedEntity, type RuleId } from "./rules.ts";

export interface ChangeExample {
  entity: NormalizedEntity;
  recordId: string;
  label: string | null;
  field: string;
  before: string | null;
  after: string | null;
}

export interface InvalidExample {
  entity: NormalizedEntity;
  recordId: string;
  label: string | null;
  field: string;
  value: string;
  reason: string;
}

export interface NormalizationPreview {
  rule: RuleId;
  targets: { entity: NormalizedEntity; total: number; scanned: number; changed: number; invalid: number }[];
  /** False when the preview stopped at `limit` records per entity (counts are then of those only). */
  complete: boolean;
  changed: number;
  invalid: number;
  examples: ChangeExample[];
  invalidExamples: InvalidExample[];
}

const PAGE = 2000;

/**
 * What a rule would change, without changing anything: per entity, how many records it would change and
 * how many hold a value it cannot read, with examples of both. Reads at most `limit` records per entity.
 */
export async function previewNormalization(
  tenant: TenantContext,
  ruleId: RuleId,
  options: { defaultCountry: string; limit?: number; examples?: number },
): Promise<NormalizationPreview> {
  const rule = NORMALIZATION_RULES[ruleId];
  const limit = options.limit ?? 50_000;
  const maxExamples = options.examples ?? 25;
  const out: NormalizationPreview = { rule: ruleId, targets: [], complete: true, changed: 0, invalid: 0, examples: [], invalidExamples: [] };
  // Examples are shared out among the entities, so contacts do not crowd out leads.
  const perTarget = Math.ceil(maxExamples / rule.targets.length);
  for (const target of rule.targets) {
    const shown = { changes: 0, invalid: 0 };
    const total = await countRecords(tenant.db, tenant.organizationId, target.entity);
    const stats = { entity: target.entity, total, scanned: 0, changed: 0, invalid: 0 };
    let after: string | null = null;
    while (stats.scanned < limit) {
      const page = await readPage(tenant.db, tenant.organizationId, target.entity, target.columns, after, Math.min(PAGE, limit - stats.scanned));
      if (!page.length) break;
      after = page.at(-1)!.id;
      stats.scanned += page.length;
      const extra = await rule.loadExtra?.(tenant.db, tenant.organizationId, target.entity, page.map((r) => r.id));
      for (const record of page) {
        const outcome = rule.apply(target.entity, record, { defaultCountry: options.defaultCountry, extra });
        if (outcome.changes.length) stats.changed += 1;
        if (outcome.invalid.length) stats.invalid += 1;
        for (const c of outcome.changes) {
          if (shown.changes++ < perTarget) out.examples.push({ entity: target.entity, recordId: record.id, label: record.label, ...c });
        }
        for (const p of outcome.invalid) {
          if (shown.invalid++ < perTarget) out.invalidExamples.push({ entity: target.entity, recordId: record.id, label: record.label, ...p });
        }
      }
    }
    if (stats.scanned < stats.total) out.complete = false;
    out.changed += stats.changed;
    out.invalid += stats.invalid;
    out.targets.push(stats);
  }
  return out;
}
