import { badRequest, notFound, OpsdeckError, setPluginEnabled, setPluginSettings, type TenantContext } from "@opsdeck/core";
import type { OrgState } from "./org-state.ts";
import type { PluginRegistry } from "./registry.ts";
import { isValidationError, validationIssues } from "../trpc/issues.ts";

interface Deps {
  registry: PluginRegistry;
  orgState(organizationId: string): Promise<OrgState>;
}

/**
 * Turns a plugin on or off for one organization. Enabling needs the plugins it requires on; disabling
 * is refused while an enabled plugin requires it. Data is never touched: re-enabling brings it back.
 */
export async function changeEnablement(deps: Deps, tenant: TenantContext, pluginId: string, enabled: boolean): Promise<void> {
  const record = deps.registry.record(pluginId);
  if (!record || pluginId === "core") throw notFound(`Plugin "${pluginId}"`);
  const state = await deps.orgState(tenant.organizationId);
  if (enabled) {
    for (const dep of Object.keys(record.definition?.requires ?? {})) {
      if (!state.isEnabled(dep)) {
        throw new OpsdeckError("PRECONDITION_FAILED", `Enable "${dep}" first: "${pluginId}" requires it.`);
      }
    }
  } else {
    const dependents = deps.registry.healthy.filter((d) => d.requires?.[pluginId] !== undefined && state.isEnabled(d.id));
    if (dependents.length) {
      const names = dependents.map((d) => `"${d.id}"`).join(", ");
      throw new OpsdeckError("PRECONDITION_FAILED", `Disable ${names} first: it requires "${pluginId}".`);
    }
  }
  await setPluginEnabled(tenant, pluginId, enabled);
}

/**
 * Validates a settings change against the plugin's zod schema (on top of the current values) and saves
 * the parsed result. Invalid values come back as BAD_REQUEST with the zod issues.
 */
export async function changeSettings(
  deps: Deps,
  tenant: TenantContext,
  pluginId: string,
  patch: Record<string, unknown>,
): Promise<Readonly<Record<string, unknown>>> {
  const plugin = deps.registry.plugin(pluginId);
  if (!plugin) throw notFound(`Plugin "${pluginId}"`);
  if (!plugin.settings) throw badRequest(`The plugin "${pluginId}" has no settings.`);
  const state = await deps.orgState(tenant.organizationId);
  const current = state.settingsOf(pluginId);
  const parsed = plugin.settings.safeParse({ ...current, ...patch });
  if (!parsed.success) {
    const error: unknown = parsed.error;
    const issues = isValidationError(error) ? validationIssues(error) : [{ message: String(error) }];
    throw badRequest(`Invalid settings for "${pluginId}".`, issues);
  }
  const settings = parsed.data;
  await setPluginSettings(tenant, pluginId, settings);
  return settings;
}
