import type { RecordCheck, RecordEntity, RecordViolation, TenantContext } from "@opsdeck/core";
import { PLUGIN_ID } from "../common.ts";
import { brokenField } from "./evaluate.ts";
import { RULE_ENTITIES, type RuleEntity } from "./fields.ts";
import { listRules } from "./rules-service.ts";

const isRuleEntity = (entity: RecordEntity): entity is RuleEntity => (RULE_ENTITIES as readonly string[]).includes(entity);

/**
 * The plugin's `recordValidators`: the organization's enabled rules of the entity, read once per write or
 * import (in its transaction), checked on each record. Null when the entity has no rule.
 */
export async function prepareRecordCheck(ctx: TenantContext, entity: RecordEntity): Promise<RecordCheck | null> {
  if (!isRuleEntity(entity)) return null;
  const rules = await listRules(ctx, { entity, enabledOnly: true });
  if (!rules.length) return null;
  return (records) =>
    records.map((record) => {
      const out: RecordViolation[] = [];
      for (const rule of rules) {
        const field = brokenField(rule.config, record.values);
        if (field === undefined) continue;
        out.push({ severity: rule.severity, field, message: rule.message, source: `${PLUGIN_ID}:${rule.id}` });
      }
      return out;
    });
}
