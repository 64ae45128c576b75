import { pluginSettings, type SeedScale, type TaskContext } from "@opsdeck/plugin-sdk";
import { hygieneSettings } from "../common.ts";
import { runQualityScan } from "../audits/scan.ts";
import { runDuplicateScan } from "../duplicates/scan.ts";
import { DUPLICATE_ENTITIES } from "../matching/rules.ts";

/**
 * The demo opens on a scored organization and a filled review queue: today's data-quality snapshot and a
 * duplicate scan of every entity over core's seeded records (which carry planted, dirtied duplicates). At the
 * large scale the duplicate scans are left to the user (they take a minute or two each).
 */
export async function seedHygiene(ctx: TaskContext, { scale }: { scale: SeedScale }): Promise<void> {
  const settings = pluginSettings(ctx, hygieneSettings);
  await runQualityScan(ctx.tenant, { staleDays: settings.staleAfterDays, timeZone: ctx.organization.timeZone });
  if (scale === "large") return;
  for (const entity of DUPLICATE_ENTITIES) await runDuplicateScan(ctx.tenant, entity, { defaultCountry: settings.defaultCountry });
}
