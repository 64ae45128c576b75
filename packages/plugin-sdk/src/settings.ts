import type { z } from "zod";

/**
 * A plugin's settings, typed by its schema. The host has already parsed them (defaults filled in), so
 * this only names the type: `const { maxTitleLength } = pluginSettings(ctx, settingsSchema)`.
 */
export function pluginSettings<S extends z.ZodType>(ctx: { readonly settings: Readonly<Record<string, unknown>> }, _schema: S): z.output<S> {
  return ctx.settings as z.output<S>;
}
