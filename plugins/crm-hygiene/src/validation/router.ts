import { procedure, router } from "@opsdeck/plugin-sdk";
import { z } from "zod";
import { HYGIENE_READ, RULES_MANAGE } from "../common.ts";
import { RULE_ENTITIES, RULE_FIELDS } from "./fields.ts";
import { describeRule } from "./rule-schema.ts";
import { createRule, deleteRule, getRule, listRules, listViolations, updateRule, violationCounts } from "./rules-service.ts";

const byId = z.object({ id: z.guid() });

/** `crm-hygiene.validation.*`: validation rules and their violations. */
export const validationRouter = router({
  fields: procedure.permission(HYGIENE_READ).query(() => RULE_FIELDS),
  list: procedure
    .permission(HYGIENE_READ)
    .input(z.object({ entity: z.enum(RULE_ENTITIES).optional(), counts: z.boolean().default(true) }).default({ counts: true }))
    .query(async ({ ctx, input }) => {
      const rules = await listRules(ctx.tenant, { entity: input.entity });
      const counts = input.counts ? await violationCounts(ctx.tenant, rules) : new Map<string, number>();
      return rules.map((r) => ({ ...r, summary: describeRule(r.entity, r.config), violations: counts.get(r.id) ?? null }));
    }),
  get: procedure
    .permission(HYGIENE_READ)
    .input(byId)
    .query(async ({ ctx, input }) => {
      const rule = await getRule(ctx.tenant, input.id);
      return { ...rule, summary: describeRule(rule.entity, rule.config) };
    }),
  // The body is checked by the service (ruleInput), whose issues name the config's fields.
  create: procedure
    .permission(RULES_MANAGE)
    .input(z.record(z.string(), z.unknown()))
    .mutation(({ ctx, input }) => createRule(ctx.tenant, input as never)),
  update: procedure
    .permission(RULES_MANAGE)
    .input(byId.extend({ rule: z.record(z.string(), z.unknown()) }))
    .mutation(({ ctx, input }) => updateRule(ctx.tenant, input.id, input.rule as never)),
  delete: procedure
    .permission(RULES_MANAGE)
    .input(byId)
    .mutation(async ({ ctx, input }) => {
      await deleteRule(ctx.tenant, input.id);
      return { id: input.id, deleted: true };
    }),
  violations: procedure
    .permission(HYGIENE_READ)
    .input(byId.extend({ limit: z.number().int().min(1).max(500).default(50), offset: z.number().int().min(0).default(0) }))
    .query(({ ctx, input }) => listViolations(ctx.tenant, input.id, input)),
});

