import { and, eq, sql } from "drizzle-orm";
import type { TenantContext } from "../domain/context.ts";
import { importMappings } from "../schema/tables.ts";
import { assertImportEntity } from "./fields/index.ts";
import { importHeaderSignature, importMappingSchema, parseImportMapping, type ImportMapping, type ImportMappingInput } from "./mapping.ts";

/** Remembers the mapping a user chose for this header row, so the next file with the same headers maps itself. */
export async function saveImportMapping(
  ctx: TenantContext,
  entity: string,
  headers: readonly string[],
  mapping: ImportMappingInput,
): Promise<ImportMapping> {
  const checked = assertImportEntity(entity);
  const parsed = parseImportMapping(mapping);
  const headerSignature = importHeaderSignature(headers);
  await ctx.db
    .insert(importMappings)
    .values({ organizationId: ctx.organizationId, entity: checked, headerSignature, mapping: parsed })
    .onConflictDoUpdate({
      target: [importMappings.organizationId, importMappings.entity, importMappings.headerSignature],
      set: { mapping: parsed, updatedAt: sql`now()` },
    });
  return parsed;
}

/** The mapping remembered for this header row, or null. */
export async function loadImportMapping(
  ctx: TenantContext,
  entity: string,
  headers: readonly string[],
): Promise<ImportMapping | null> {
  const checked = assertImportEntity(entity);
  const [row] = await ctx.db
    .select({ mapping: importMappings.mapping })
    .from(importMappings)
    .where(
      and(
        eq(importMappings.organizationId, ctx.organizationId),
        eq(importMappings.entity, checked),
        eq(importMappings.headerSignature, importHeaderSignature(headers)),
      ),
    );
  if (!row) return null;
  // A stored mapping that no longer validates (an older format) is treated as absent.
  const parsed = importMappingSchema.safeParse(row.mapping);
  return parsed.success ? parsed.data : null;
}
