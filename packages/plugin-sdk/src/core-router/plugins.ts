import { z } from "zod";
import { procedure, router } from "../trpc/procedures.ts";
import type { Platform } from "./platform.ts";
import { describePlugin } from "../host/describe-plugin.ts";

const pluginId = z.object({ pluginId: z.string().min(1).max(64) });

/** `core.plugins.*`: what is installed, and per organization what is on and how it is configured. */
export function pluginsRouter(platform: Platform) {
  return router({
    list: procedure.permission("core.plugins.manage").query(async ({ ctx }) => {
      const state = await platform.orgState(ctx.organization.id);
      return platform.registry.records.map((record) => {
        const healthy = record.health === "healthy";
        return {
          ...describePlugin(record),
          enabled: healthy && state.isEnabled(record.id),
          choice: state.hasChoice(record.id) ? (state.isEnabled(record.id) ? "enabled" : "disabled") : "default",
          settings: healthy ? state.settingsOf(record.id) : null,
        };
      });
    }),
    enable: procedure
      .permission("core.plugins.manage")
      .input(pluginId)
      .mutation(async ({ ctx, input }) => {
        await platform.setEnabled(ctx.tenant, input.pluginId, true);
        return { pluginId: input.pluginId, enabled: true };
      }),
    disable: procedure
      .permission("core.plugins.manage")
      .input(pluginId)
      .mutation(async ({ ctx, input }) => {
        await platform.setEnabled(ctx.tenant, input.pluginId, false);
        return { pluginId: input.pluginId, enabled: false };
      }),
    configure: procedure
      .permission("core.plugins.manage")
      .input(pluginId.extend({ settings: z.record(z.string(), z.unknown()) }))
      .mutation(async ({ ctx, input }) => ({
        pluginId: input.pluginId,
        settings: await platform.configure(ctx.tenant, input.pluginId, input.settings),
      })),
  });
}
