import { OpsdeckError } from "../../domain/errors.ts";
import { accountFields } from "./accounts.ts";
import { activityFields } from "./activities.ts";
import { contactFields } from "./contacts.ts";
import type { FieldSpec } from "./field-spec.ts";
import { leadFields } from "./leads.ts";
import { opportunityFields } from "./opportunities.ts";
import { userFields } from "./users.ts";

export type { FieldSpec, FieldType } from "./field-spec.ts";

/** Everything that can be imported from and exported to CSV. */
export const IMPORT_ENTITIES = ["users", "accounts", "contacts", "leads", "opportunities", "activities"] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

/** The columns of each entity, in canonical order (the export's header order). */
export const IMPORT_FIELDS: Readonly<Record<ImportEntity, readonly FieldSpec[]>> = {
  users: userFields,
  accounts: accountFields,
  contacts: contactFields,
  leads: leadFields,
  opportunities: opportunityFields,
  activities: activityFields,
};

/** The canonical header row of an entity. */
export function canonicalHeaders(entity: ImportEntity): string[] {
  return IMPORT_FIELDS[entity].map((f) => f.name);
}

export function isImportEntity(value: string): value is ImportEntity {
  return (IMPORT_ENTITIES as readonly string[]).includes(value);
}

/** Checks an entity name from user input; BAD_REQUEST for anything else. */
export function assertImportEntity(value: string): ImportEntity {
  if (isImportEntity(value)) return value;
  throw new OpsdeckError("BAD_REQUEST", `Unknown entity "${value}". Use one of: ${IMPORT_ENTITIES.join(", ")}.`);
}
