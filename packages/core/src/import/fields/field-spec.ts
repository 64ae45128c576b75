/** How a cell is read, validated and staged. */
export type FieldType =
  | "key" // the row's external id: trimmed, required
  | "text" // kept verbatim; an empty cell is null
  | "email" // kept verbatim, must look like a@b.c
  | "int" // a whole number >= 0
  | "money" // parseMoney: "1,234.50", "$1200", "EUR 99"
  | "date" // a calendar date
  | "timestamp" // an instant; without a zone it is read in the organization's time zone
  | "bool"
  | "probability" // 0–100, "45%", or a fraction "0.45"
  | "stage" // parseStage
  | "currency" // a 3-letter code
  | "choice" // one of `choices` (after normalization)
  | "ref" // another record's external id, resolved in SQL
  | "member"; // a member of the organization, by email (or unique full name)

export type PgType = "text" | "int" | "numeric" | "date" | "timestamptz" | "boolean";

export interface FieldSpec {
  /** The canonical header (snake_case), also the staging column's name. */
  readonly name: string;
  readonly type: FieldType;
  /** The column must be in the file, and every row needs a value. */
  readonly required?: boolean;
  /** Headers of Salesforce / HubSpot exports and common spellings that mean this field. */
  readonly aliases: readonly string[];
  /** For `choice`: accepted spellings (normalized) → stored value. */
  readonly choices?: Readonly<Record<string, string>>;
  /** One line for the docs and the wizard. */
  readonly description: string;
}

export const pgTypeOf: Record<FieldType, PgType> = {
  key: "text",
  text: "text",
  email: "text",
  int: "int",
  money: "numeric",
  date: "date",
  timestamp: "timestamptz",
  bool: "boolean",
  probability: "int",
  stage: "text",
  currency: "text",
  choice: "text",
  ref: "text",
  member: "text",
};

/** The way headers and choice values are compared: case, spaces, underscores and punctuation do not count. */
export function normalizeName(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

/** Builds a choices table from canonical values plus extra spellings. */
export function choiceTable(values: readonly string[], extra: Record<string, string> = {}): Record<string, string> {
  const table: Record<string, string> = {};
  for (const v of values) table[normalizeName(v)] = v;
  for (const [k, v] of Object.entries(extra)) table[normalizeName(k)] = v;
  return table;
}
