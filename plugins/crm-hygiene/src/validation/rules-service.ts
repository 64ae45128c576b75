import { OpsdeckError, recordAudit, type TenantContext } from "@opsdeck/core";
import { queryRows, toCount } from "@opsdeck/db";
import { and, asc, eq, sql } from "drizzle-orm";
import { validationRules } from "../schema/quality.ts";
import { RULE_ENTITIES, RULE_FIELDS, type RuleEntity } from "./fields.ts";
import { fieldsOf, ruleConfig, ruleInput, type RuleConfig, type RuleInput } from "./rule-schema.ts";
import { violatesSql } from "./rule-sql.ts";

type Row = typeof validationRules.$inferSelect;
export type ValidationRule = Omit<Row, "config" | "entity"> & { entity: RuleEntity; config: RuleConfig };

function toRule(row: Row): ValidationRule {
  return { ...row, entity: row.entity as RuleEntity, config: ruleConfig.parse(row.config) };
}

/** The organization's rules, optionally of one entity and only the enabled ones. */
export async function listRules(tenant: TenantContext, filter: { entity?: RuleEntity; enabledOnly?: boolean } = {}): Promise<ValidationRule[]> {
  const where = [eq(validationRules.organizationId, tenant.organizationId)];
  if (filter.entity) where.push(eq(validationRules.entity, filter.entity));
  if (filter.enabledOnly) where.push(eq(validationRules.enabled, true));
  const rows = await tenant.db.select().from(validationRules).where(and(...where)).orderBy(asc(validationRules.entity), asc(validationRules.createdAt));
  return rows.map(toRule);
}

export async function getRule(tenant: TenantContext, id: string): Promise<ValidationRule> {
  const [row] = await tenant.db
    .select()
    .from(validationRules)
    .where(and(eq(validationRules.organizationId, tenant.organizationId), eq(validationRules.id, id)));
  if (!row) throw new OpsdeckError("NOT_FOUND", "Validation rule was not found.");
  return toRule(row);
}

/** Postgres must read the pattern too (violations are listed in SQL); its dialect differs from JavaScript's a little. */
async function checkPatternInDatabase(tenant: TenantContext, config: RuleConfig) {
  if (config.kind !== "pattern") return;
  try {
    await tenant.db.execute(sql`select 'x' ~ ${`^(?:${config.pattern})$`}`);
  } catch {
    throw new OpsdeckError("BAD_REQUEST", "The database cannot read this pattern.", {
      issues: [{ path: ["config", "pattern"], message: "Use a simpler regular expression (no lookbehind or named groups)" }],
    });
  }
}

function parseInput(input: unknown) {
  const parsed = ruleInput.safeParse(input);
  if (!parsed.success) {
    throw new OpsdeckError("BAD_REQUEST", "The rule is not valid.", {
      issues: parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)), message: i.message })),
    });
  }
  return parsed.data;
}

export async function createRule(tenant: TenantContext, input: RuleInput): Promise<ValidationRule> {
  const rule = parseInput(input);
  await checkPatternInDatabase(tenant, rule.config);
  const [row] = await tenant.db
    .insert(validationRules)
    .values({ organizationId: tenant.organizationId, ...rule, kind: rule.config.kind, createdByUserId: tenant.actorUserId })
    .returning();
  await recordAudit(tenant, { action: "crm-hygiene.rule.created", entityType: "validation_rule", entityId: row!.id, after: row });
  return toRule(row!);
}

export async function updateRule(tenant: TenantContext, id: string, input: RuleInput): Promise<ValidationRule> {
  const before = await getRule(tenant, id);
  const rule = parseInput(input);
  await checkPatternInDatabase(tenant, rule.config);
  const [row] = await tenant.db
    .update(validationRules)
    .set({ ...rule, kind: rule.config.kind, updatedAt: new Date() })
    .where(and(eq(validationRules.organizationId, tenant.organizationId), eq(validationRules.id, id)))
    .returning();
  await recordAudit(tenant, { action: "crm-hygiene.rule.updated", entityType: "validation_rule", entityId: id, before, after: row });
  return toRule(row!);
}

export async function deleteRule(tenant: TenantContext, id: string): Promise<void> {
  const before = await getRule(tenant, id);
  await tenant.db.delete(validationRules).where(and(eq(validationRules.organizationId, tenant.organizationId), eq(validationRules.id, id)));
  await recordAudit(tenant, { action: "crm-hygiene.rule.deleted", entityType: "validation_rule", entityId: id, before });
}

const LABEL: Record<RuleEntity, string> = {
  accounts: "r.name",
  contacts: "nullif(btrim(concat_ws(' ', r.first_name, r.last_name)), '')",
  leads: "nullif(btrim(concat_ws(' ', r.first_name, r.last_name)), '')",
  opportunities: "r.name",
};

/** How many live records break each rule (one pass per entity). */
export async function violationCounts(tenant: TenantContext, rules: readonly ValidationRule[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const entity of RULE_ENTITIES) {
    const own = rules.filter((r) => r.entity === entity);
    if (!own.length) continue;
    const [row] = await queryRows<Record<string, unknown>>(
      tenant.db,
      sql`select ${sql.join(
        own.map((r, i) => sql`count(*) filter (where ${violatesSql(entity, r.config)}) as ${sql.raw(`"r${i}"`)}`),
        sql`, `,
      )} from ${sql.raw(`core.${entity}`)} r where r.organization_id = ${tenant.organizationId} and r.deleted_at is null`,
    );
    own.forEach((r, i) => out.set(r.id, toCount(row?.[`r${i}`])));
  }
  return out;
}

export interface Violation {
  id: string;
  label: string | null;
  /** The values of the fields the rule names. */
  values: Record<string, string | null>;
  ownerId: string | null;
}

/** A page of the live records that break a rule, with the fields it names. */
export async function listViolations(
  tenant: TenantContext,
  ruleId: string,
  page: { limit: number; offset: number },
): Promise<{ rule: ValidationRule; fields: string[]; rows: Violation[]; total: number }> {
  const rule = await getRule(tenant, ruleId);
  const entity = rule.entity;
  const where = sql`r.organization_id = ${tenant.organizationId} and r.deleted_at is null and ${violatesSql(entity, rule.config)}`;
  const fields = [...new Set(fieldsOf(rule.config).map(([, name]) => name))];
  const columns = fields.map((p) => {
    const column = RULE_FIELDS[entity].find((x) => x.property === p)!.column;
    return sql`r.${sql.raw(`"${column}"`)}::text as ${sql.raw(`"${p}"`)}`;
  });
  const rows = await queryRows<Record<string, unknown>>(
    tenant.db,
    sql`select r.id::text as id, ${sql.raw(LABEL[entity])} as label, r.owner_id::text as owner_id, ${sql.join(columns, sql`, `)}
        from ${sql.raw(`core.${entity}`)} r where ${where} order by r.created_at desc, r.id limit ${page.limit} offset ${page.offset}`,
  );
  const [count] = await queryRows<{ n: unknown }>(tenant.db, sql`select count(*) as n from ${sql.raw(`core.${entity}`)} r where ${where}`);
  return {
    rule,
    fields,
    total: toCount(count?.n),
    rows: rows.map((r) => ({
      id: String(r.id),
      label: (r.label as string | null) ?? null,
      ownerId: (r.owner_id as string | null) ?? null,
      values: Object.fromEntries(fields.map((p) => [p, (r[p] as string | null) ?? null])),
    })),
  };
}

