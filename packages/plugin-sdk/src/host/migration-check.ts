import { readMigrationFiles } from "drizzle-orm/migrator";

const IDENT = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)`;
const QUALIFIED = new RegExp(String.raw`(${IDENT})\s*\.\s*(${IDENT})(?:\s*\.\s*(${IDENT}))?`, "g");
const CREATES = new RegExp(
  String.raw`\bcreate\s+(?:or\s+replace\s+)?(?:unlogged\s+|temporary\s+|temp\s+)?(table|sequence|view|materialized\s+view|type|function|procedure|domain|schema|extension)\s+(?:if\s+not\s+exists\s+)?(${IDENT}(?:\s*\.\s*${IDENT})?)`,
  "gi",
);
/** Schemas a migration may read from (built-in functions and types). */
const READ_ONLY = new Set(["pg_catalog"]);
const ROW_ALIASES = new Set(["excluded", "new", "old"]);

const unquote = (name: string) => (name.startsWith('"') ? name.slice(1, -1).replaceAll('""', '"') : name.toLowerCase());

/** SQL without comments and string literals, which may mention anything. */
function code(statement: string): string {
  return statement
    .replace(/--[^\n]*/g, " ")
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/\$([A-Za-z_]*)\$[\s\S]*?\$\1\$/g, "''")
    .replace(/'(?:[^']|'')*'/g, "''");
}

/**
 * Reads a migrations folder and lists what would create or change objects outside `schema`: a plugin
 * owns its schema and may only point at `core` with REFERENCES. Empty when the migrations are fine.
 */
export function checkPluginMigrations(schema: string, migrationsFolder: string): string[] {
  const statements = readMigrationFiles({ migrationsFolder }).flatMap((m) => m.sql);
  return checkMigrationSql(schema, statements);
}

/** The same check on SQL statements. */
export function checkMigrationSql(schema: string, statements: string[]): string[] {
  const problems = new Set<string>();
  const sources = statements.map(code);
  const ownTables = new Set<string>();
  for (const sql of sources) {
    for (const m of sql.matchAll(CREATES)) {
      const kind = m[1]!.toLowerCase().replace(/\s+/g, " ");
      const parts = m[2]!.split(/\s*\.\s*/).map(unquote);
      if (kind === "extension") problems.add(`creates the extension ${parts.join(".")}: extensions are shared by the whole database`);
      else if (kind === "schema") {
        if (parts[0] !== schema) problems.add(`creates the schema "${parts[0]}"`);
      } else if (parts.length === 1) {
        problems.add(`creates the ${kind} "${parts[0]}" without a schema (it would land in "public"): write "${schema}"."${parts[0]}"`);
      } else if (parts[0] !== schema) {
        problems.add(`creates the ${kind} "${parts[0]}"."${parts[1]}" outside "${schema}"`);
      } else if (kind === "table") ownTables.add(parts[1]!);
    }
    if (/\bset\s+(?:local\s+)?search_path\b/i.test(sql)) problems.add("changes search_path");
  }
  for (const sql of sources) {
    for (const m of sql.matchAll(QUALIFIED)) {
      const first = unquote(m[1]!);
      if (first === schema || READ_ONLY.has(first) || ROW_ALIASES.has(first)) continue;
      // "table"."column" in a constraint or index expression is not a schema.
      if (m[3] === undefined && ownTables.has(first)) continue;
      const before = sql.slice(0, m.index).trimEnd();
      if (first === "core" && /\breferences$/i.test(before)) continue;
      const what = m[0].replace(/\s+/g, "");
      problems.add(
        first === "core"
          ? `touches ${what}: a plugin may point at core only with REFERENCES`
          : `touches ${what}, outside "${schema}"`,
      );
    }
  }
  return [...problems];
}
