/** The record types the palette and the browsers search. */
export const SEARCHABLE_ENTITIES = ["accounts", "contacts", "leads", "opportunities"] as const;
export type SearchableEntity = (typeof SEARCHABLE_ENTITIES)[number];

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");

/** How a record is named in lists and search results: an account's name, a person's full name, … */
export function recordLabel(entity: string, row: Record<string, unknown>): string {
  if (entity === "contacts" || entity === "leads") {
    const name = [text(row.firstName), text(row.lastName)].filter(Boolean).join(" ");
    const company = entity === "leads" ? text(row.company) : "";
    return [name || text(row.email) || "Unnamed", company].filter(Boolean).join(" · ");
  }
  return text(row.name) || text(row.subject) || text(row.externalId) || "Unnamed";
}
