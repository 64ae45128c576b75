import { sql, type SQL } from "drizzle-orm";
import { ruleField, type RuleEntity } from "./fields.ts";
import type { RuleCondition, RuleConfig } from "./rule-schema.ts";
import { textArray } from "./text-array.ts";

// SQL twins of evaluate.ts over a record aliased `r`, so violations are listed and counted in the database.

function col(entity: RuleEntity, property: string): SQL {
  const field = ruleField(entity, property);
  if (!field) throw new Error(`Unknown field ${entity}.${property}`);
  return sql.raw(`r."${field.column}"`);
}

const isSet = (c: SQL) => sql`(${c} is not null and btrim(${c}::text) <> '')`;
const text = (c: SQL) => sql`lower(btrim(${c}::text))`;

function holds(entity: RuleEntity, condition: RuleCondition): SQL {
  const c = col(entity, condition.field);
  const values = condition.values.map((v) => v.trim().toLowerCase());
  const equals = sql`(${isSet(c)} and ${text(c)} = any(${textArray(values)}))`;
  switch (condition.op) {
    case "is_set":
      return isSet(c);
    case "is_empty":
      return sql`not ${isSet(c)}`;
    case "equals":
    case "in":
      return equals;
    case "not_equals":
      return sql`not ${equals}`;
  }
}

/** True for a record (alias `r`) that breaks the rule. */
export function violatesSql(entity: RuleEntity, config: RuleConfig): SQL {
  switch (config.kind) {
    case "required": {
      const missing = sql`not ${isSet(col(entity, config.field))}`;
      return config.when ? sql`(${holds(entity, config.when)} and ${missing})` : missing;
    }
    case "pattern": {
      const c = col(entity, config.field);
      const op = sql.raw(config.caseInsensitive ? "!~*" : "!~");
      return sql`(${isSet(c)} and btrim(${c}::text) ${op} ${`^(?:${config.pattern})$`})`;
    }
    case "allowed_values": {
      const c = col(entity, config.field);
      const values = config.values.map((v) => v.trim().toLowerCase());
      return sql`(${isSet(c)} and not (${text(c)} = any(${textArray(values)})))`;
    }
    case "cross_field":
      return sql`(${holds(entity, config.when)} and (${sql.join(
        config.require.map((name) => sql`not ${isSet(col(entity, name))}`),
        sql` or `,
      )}))`;
  }
}
