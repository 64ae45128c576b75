// The fields validation rules may name, per entity (isomorphic: the rule editor lists them too).
// `property` is the record's property as core's services see it; `column` its column in core's table.

export const RULE_ENTITIES = ["accounts", "contacts", "leads", "opportunities"] as const;
export type RuleEntity = (typeof RULE_ENTITIES)[number];

export type RuleFieldType = "text" | "number" | "date" | "boolean" | "reference";

export interface RuleField {
  property: string;
  column: string;
  label: string;
  type: RuleFieldType;
}

const f = (property: string, label: string, type: RuleFieldType = "text"): RuleField => ({
  property,
  column: property.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
  label,
  type,
});

const owner = f("ownerId", "Owner", "reference");
const externalId = f("externalId", "External id");

export const RULE_FIELDS: Readonly<Record<RuleEntity, readonly RuleField[]>> = {
  accounts: [
    f("name", "Name"),
    f("domain", "Domain"),
    f("industry", "Industry"),
    f("employees", "Employees", "number"),
    f("annualRevenue", "Annual revenue", "number"),
    f("country", "Country"),
    f("state", "State"),
    f("city", "City"),
    f("postalCode", "Postal code"),
    owner,
    f("parentAccountId", "Parent account", "reference"),
    externalId,
  ],
  contacts: [
    f("firstName", "First name"),
    f("lastName", "Last name"),
    f("email", "Email"),
    f("phone", "Phone"),
    f("title", "Title"),
    f("country", "Country"),
    f("state", "State"),
    f("city", "City"),
    f("accountId", "Account", "reference"),
    owner,
    externalId,
  ],
  leads: [
    f("firstName", "First name"),
    f("lastName", "Last name"),
    f("email", "Email"),
    f("phone", "Phone"),
    f("company", "Company"),
    f("title", "Title"),
    f("country", "Country"),
    f("state", "State"),
    f("source", "Source"),
    f("status", "Status"),
    owner,
    externalId,
  ],
  opportunities: [
    f("name", "Name"),
    f("amount", "Amount", "number"),
    f("currency", "Currency"),
    f("stage", "Stage"),
    f("probability", "Probability", "number"),
    f("type", "Type"),
    f("source", "Source"),
    f("closeDate", "Close date", "date"),
    f("isWon", "Won", "boolean"),
    f("isClosed", "Closed", "boolean"),
    f("accountId", "Account", "reference"),
    owner,
    externalId,
  ],
};

export function ruleField(entity: RuleEntity, property: string): RuleField | undefined {
  return RULE_FIELDS[entity].find((x) => x.property === property);
}
