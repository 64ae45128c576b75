// `@opsdeck/plugin-sdk/web`: what a plugin's web part imports. Shared with the shell through the import map,
// so every plugin sees the shell's user, organization, permissions and loaded plugins.
export {
  defineWebPlugin,
  isWebPluginDefinition,
  type SearchValidator,
  type WebPluginDefinition,
  type WebPluginLoaderContext,
  type WebPluginNavItem,
  type WebPluginRoute,
  type WebSlotContribution,
} from "./define-web-plugin.ts";
export { useCurrentUser, useOrganization, usePermissions, type Permissions } from "./hooks.ts";
export { Can, type CanProps } from "./can.tsx";
export { errorMessage } from "./error-message.ts";
export { Slot, useSlotContributions, type ResolvedSlotContribution, type SlotProps } from "./slot.tsx";
export { PluginErrorBoundary, type PluginErrorBoundaryProps } from "./plugin-error-boundary.tsx";
export { PluginScope, type PluginScopeProps } from "./plugin-scope.tsx";
export { pluginClient, pluginQueries, usePluginClient, usePluginQueries } from "./plugin-client.ts";
export { createPluginClient, type PluginClientOptions } from "../client.ts";
export {
  PluginScopeContext,
  ShellContext,
  usePluginId,
  useShell,
  type CurrentOrganization,
  type CurrentUser,
  type LoadedWebPlugin,
  type ShellState,
} from "./shell-context.ts";
export { SHARED_MODULES, isSharedModule, type SharedModule } from "./shared-modules.ts";
