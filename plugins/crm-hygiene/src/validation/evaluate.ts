import type { RuleCondition, RuleConfig } from "./rule-schema.ts";

/** A value as the rules compare it: trimmed text (dates ISO, booleans "true"/"false"). */
function asText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return JSON.stringify(value) ?? "";
}

/** Whether a value counts as filled in: not null, not blank. */
export function isSet(value: unknown): boolean {
  return value !== null && value !== undefined && asText(value) !== "";
}

function holds(condition: RuleCondition, values: Readonly<Record<string, unknown>>): boolean {
  const value = values[condition.field];
  const equals = () => isSet(value) && condition.values.some((v) => v.trim().toLowerCase() === asText(value).toLowerCase());
  switch (condition.op) {
    case "is_set":
      return isSet(value);
    case "is_empty":
      return !isSet(value);
    case "equals":
    case "in":
      return equals();
    case "not_equals":
      return !equals();
  }
}

/**
 * The field a record breaks a rule on (null: the rule's own field is not the point), or undefined when it
 * passes. The same semantics as `violatesSql`, which lists violations in the database.
 */
export function brokenField(config: RuleConfig, values: Readonly<Record<string, unknown>>): string | undefined {
  switch (config.kind) {
    case "required":
      if (config.when && !holds(config.when, values)) return undefined;
      return isSet(values[config.field]) ? undefined : config.field;
    case "pattern": {
      const value = values[config.field];
      if (!isSet(value)) return undefined;
      return new RegExp(`^(?:${config.pattern})$`, config.caseInsensitive ? "iu" : "u").test(asText(value)) ? undefined : config.field;
    }
    case "allowed_values": {
      const value = values[config.field];
      if (!isSet(value)) return undefined;
      const text = asText(value).toLowerCase();
      return config.values.some((v) => v.toLowerCase() === text) ? undefined : config.field;
    }
    case "cross_field":
      if (!holds(config.when, values)) return undefined;
      return config.require.find((name) => !isSet(values[name]));
  }
}
