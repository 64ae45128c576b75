import { Suspense, type ReactNode } from "react";
import { PluginErrorBoundary } from "./plugin-error-boundary.tsx";
import { PluginScopeContext, useShell } from "./shell-context.ts";

export interface PluginScopeProps {
  pluginId: string;
  children: ReactNode;
  /** Shown while the plugin's component suspends (loading its data). */
  fallback?: ReactNode;
  resetKey?: unknown;
  className?: string;
}

/**
 * Renders plugin code: names the plugin for its hooks (`usePluginClient` talks to its endpoint), applies its
 * wrapper and catches its errors, so one plugin's crash shows an error card and never blanks the portal.
 */
export function PluginScope({ pluginId, children, fallback = null, resetKey, className }: PluginScopeProps) {
  const { plugins } = useShell();
  const Wrapper = plugins.find((p) => p.id === pluginId)?.definition.wrapper;
  return (
    <PluginScopeContext.Provider value={pluginId}>
      <PluginErrorBoundary pluginId={pluginId} resetKey={resetKey} className={className}>
        <Suspense fallback={fallback}>{Wrapper ? <Wrapper>{children}</Wrapper> : children}</Suspense>
      </PluginErrorBoundary>
    </PluginScopeContext.Provider>
  );
}
