import { Skeleton } from "@opsdeck/ui";
import { Fragment, useMemo, type ReactNode } from "react";
import type { WebSlotContribution } from "./define-web-plugin.ts";
import { PluginScope } from "./plugin-scope.tsx";
import { useShell } from "./shell-context.ts";

/** A contribution to a slot, with the plugin it comes from. */
export interface ResolvedSlotContribution<P> extends WebSlotContribution<P> {
  pluginId: string;
}

/** Every contribution to the extension point `name` from enabled plugins the user may see, in order. */
export function useSlotContributions<P = Record<string, unknown>>(name: string): ResolvedSlotContribution<P>[] {
  const { plugins, permissions } = useShell();
  return useMemo(() => {
    const found: (ResolvedSlotContribution<P> & { index: number })[] = [];
    for (const plugin of plugins) {
      for (const contribution of plugin.definition.slots?.[name] ?? []) {
        if (contribution.permission && !permissions.has(contribution.permission)) continue;
        found.push({ ...(contribution as WebSlotContribution<P>), pluginId: plugin.id, index: found.length });
      }
    }
    return found.sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.index - b.index);
  }, [plugins, permissions, name]);
}

export interface SlotProps<P> {
  /** The extension point, `<owner plugin id>.<area>.<slot>`: e.g. `reporting.dashboard.widget`. */
  name: string;
  /** Passed to every contribution. */
  props?: P;
  /** Lays out one rendered contribution (a card with its title, say); the element is already guarded. */
  render?: (element: ReactNode, contribution: ResolvedSlotContribution<P>) => ReactNode;
  /** Shown when no enabled plugin contributes. */
  empty?: ReactNode;
}

/**
 * Renders every contribution to an extension point, each inside its plugin's error boundary: a widget that
 * throws shows an error card naming its plugin while the other widgets keep working.
 */
export function Slot<P extends object = Record<string, unknown>>({ name, props, render, empty = null }: SlotProps<P>) {
  const contributions = useSlotContributions<P>(name);
  if (contributions.length === 0) return <>{empty}</>;
  return (
    <>
      {contributions.map((contribution) => {
        const Contributed = contribution.component;
        const element = (
          <PluginScope pluginId={contribution.pluginId} fallback={<Skeleton className="h-24 w-full" />}>
            <Contributed {...((props ?? {}) as P)} />
          </PluginScope>
        );
        return (
          <Fragment key={`${contribution.pluginId}:${contribution.id}`}>
            {render ? render(element, contribution) : element}
          </Fragment>
        );
      })}
    </>
  );
}
