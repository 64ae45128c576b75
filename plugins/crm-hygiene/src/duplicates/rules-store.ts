// Matching rules per organization and entity: the stored ones, else the defaults.
import type { TenantContext } from "@opsdeck/core";
import { OpsdeckError } from "@opsdeck/plugin-sdk";
import { and, eq } from "drizzle-orm";
import { DEFAULT_RULES, matchingRules as rulesSchema, ruleProblems, type DuplicateEntity, type MatchingRules } from "../matching/rules.ts";
import { matchingRules } from "../schema/duplicates.ts";

export async function getRules(ctx: TenantContext, entity: DuplicateEntity): Promise<{ rules: MatchingRules; custom: boolean; updatedAt: Date | null }> {
  const [row] = await ctx.db
    .select()
    .from(matchingRules)
    .where(and(eq(matchingRules.organizationId, ctx.organizationId), eq(matchingRules.entity, entity)));
  if (row) {
    const parsed = rulesSchema.safeParse(row.rules);
    if (parsed.success && !ruleProblems(entity, parsed.data).length) return { rules: parsed.data, custom: true, updatedAt: row.updatedAt };
  }
  return { rules: DEFAULT_RULES[entity], custom: false, updatedAt: null };
}

/** Validates a rule set for the entity; BAD_REQUEST with issues when a field, comparator or key does not fit. */
export function checkRules(entity: DuplicateEntity, rules: MatchingRules): MatchingRules {
  const problems = ruleProblems(entity, rules);
  if (problems.length) {
    throw new OpsdeckError("BAD_REQUEST", "The matching rules do not fit this entity.", {
      issues: problems.map((p) => ({ path: p.path.map(String), message: p.message })),
    });
  }
  return rules;
}

export async function saveRules(ctx: TenantContext, entity: DuplicateEntity, rules: MatchingRules): Promise<MatchingRules> {
  checkRules(entity, rules);
  await ctx.db
    .insert(matchingRules)
    .values({ organizationId: ctx.organizationId, entity, rules, updatedByUserId: ctx.actorUserId, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: [matchingRules.organizationId, matchingRules.entity],
      set: { rules, updatedByUserId: ctx.actorUserId, updatedAt: new Date() },
    });
  return rules;
}

export async function resetRules(ctx: TenantContext, entity: DuplicateEntity): Promise<MatchingRules> {
  await ctx.db.delete(matchingRules).where(and(eq(matchingRules.organizationId, ctx.organizationId), eq(matchingRules.entity, entity)));
  return DEFAULT_RULES[entity];
}
