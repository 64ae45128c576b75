import type { RecordCheck, RecordValidator, RecordViolation } from "@opsdeck/core";
import type { OrgState } from "./org-state.ts";
import type { PluginRegistry } from "./registry.ts";

const cache = new WeakMap<OrgState, RecordValidator | undefined>();

/**
 * The validator a tenant context carries in one organization: the `recordValidators` of every healthy
 * plugin enabled there, run one after the other, their violations concatenated (tagged with the plugin
 * id when the plugin did not say). Undefined when no enabled plugin validates records.
 */
export function recordValidatorFor(registry: PluginRegistry, state: OrgState): RecordValidator | undefined {
  if (cache.has(state)) return cache.get(state);
  const plugins = registry.healthy.filter((p) => p.recordValidators && state.isEnabled(p.id));
  const validator: RecordValidator | undefined = plugins.length
    ? {
        async prepare(ctx, entity, operation) {
          const checks: { pluginId: string; check: RecordCheck }[] = [];
          for (const plugin of plugins) {
            const check = await plugin.recordValidators!(ctx, entity, operation);
            if (check) checks.push({ pluginId: plugin.id, check });
          }
          if (!checks.length) return null;
          return async (records) => {
            const merged: RecordViolation[][] = records.map(() => []);
            for (const { pluginId, check } of checks) {
              const results = await check(records);
              results.forEach((violations, i) => merged[i]?.push(...violations.map((v) => ({ ...v, source: v.source ?? pluginId }))));
            }
            return merged;
          };
        },
      }
    : undefined;
  cache.set(state, validator);
  return validator;
}
