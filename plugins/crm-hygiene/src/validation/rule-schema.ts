// What a validation rule is, as the API takes it and the editor builds it (isomorphic).
import { z } from "zod";
import { RULE_ENTITIES, RULE_FIELDS, type RuleEntity } from "./fields.ts";

export const CONDITION_OPS = ["equals", "not_equals", "in", "is_set", "is_empty"] as const;

const field = z.string().min(1).max(64);

export const conditionSchema = z.object({
  field,
  op: z.enum(CONDITION_OPS),
  /** For equals / not_equals: one value; for in: several. Compared as text, case-insensitive. */
  values: z.array(z.string().max(200)).max(100).default([]),
});
export type RuleCondition = z.output<typeof conditionSchema>;

export const ruleConfig = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("required"), field, when: conditionSchema.optional() }),
  z.object({
    kind: z.literal("pattern"),
    field,
    /** A regular expression the whole value must match (blank values pass; combine with `required`). */
    pattern: z.string().min(1).max(500),
    caseInsensitive: z.boolean().default(false),
  }),
  z.object({ kind: z.literal("allowed_values"), field, values: z.array(z.string().trim().min(1).max(200)).min(1).max(500) }),
  z.object({ kind: z.literal("cross_field"), when: conditionSchema, require: z.array(field).min(1).max(20) }),
]);
export type RuleConfig = z.output<typeof ruleConfig>;
export type RuleKind = RuleConfig["kind"];

export const ruleInput = z
  .object({
    entity: z.enum(RULE_ENTITIES),
    name: z.string().trim().min(1).max(120),
    config: ruleConfig,
    severity: z.enum(["block", "warn"]),
    message: z.string().trim().min(1).max(300),
    enabled: z.boolean().default(true),
  })
  .superRefine((rule, ctx) => {
    const known = new Set(RULE_FIELDS[rule.entity].map((x) => x.property));
    for (const [path, name] of fieldsOf(rule.config)) {
      if (!known.has(name)) ctx.addIssue({ code: "custom", path: ["config", ...path], message: `${rule.entity} have no field "${name}"` });
    }
    if (rule.config.kind === "pattern") {
      try {
        new RegExp(rule.config.pattern, "u");
      } catch {
        ctx.addIssue({ code: "custom", path: ["config", "pattern"], message: "Not a valid regular expression" });
      }
    }
    const when = "when" in rule.config ? rule.config.when : undefined;
    if (when && (when.op === "equals" || when.op === "not_equals" || when.op === "in") && when.values.length === 0) {
      ctx.addIssue({ code: "custom", path: ["config", "when", "values"], message: "Give the value(s) to compare with" });
    }
  });
export type RuleInput = z.input<typeof ruleInput>;

/** The field names a rule's config mentions, with their path in the config. */
export function fieldsOf(config: RuleConfig): [path: (string | number)[], field: string][] {
  const out: [(string | number)[], string][] = [];
  if ("field" in config) out.push([["field"], config.field]);
  if ("when" in config && config.when) out.push([["when", "field"], config.when.field]);
  if (config.kind === "cross_field") config.require.forEach((name, i) => out.push([["require", i], name]));
  return out;
}

/** A rule in words, for lists: "Close date is required when Stage equals closed_won". */
export function describeRule(entity: RuleEntity, config: RuleConfig): string {
  const label = (name: string) => RULE_FIELDS[entity].find((x) => x.property === name)?.label ?? name;
  const cond = (c: RuleCondition) =>
    c.op === "is_set"
      ? `${label(c.field)} is set`
      : c.op === "is_empty"
        ? `${label(c.field)} is empty`
        : `${label(c.field)} ${c.op === "not_equals" ? "is not" : c.op === "in" ? "is one of" : "is"} ${c.values.join(", ")}`;
  switch (config.kind) {
    case "required":
      return `${label(config.field)} is required${config.when ? ` when ${cond(config.when)}` : ""}`;
    case "pattern":
      return `${label(config.field)} matches /${config.pattern}/${config.caseInsensitive ? "i" : ""}`;
    case "allowed_values":
      return `${label(config.field)} is one of ${config.values.join(", ")}`;
    case "cross_field":
      return `When ${cond(config.when)}: ${config.require.map(label).join(", ")} required`;
  }
}
