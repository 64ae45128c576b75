import type { QueryClient } from "@tanstack/react-query";
import type { ComponentType, ReactNode } from "react";

/** Anything `validateSearch` accepts: a zod schema (or any Standard Schema) or a plain function. */
export type SearchValidator =
  | { readonly "~standard": { validate: (value: unknown) => unknown } }
  | ((search: Record<string, unknown>) => unknown);

/** What a plugin page's loader receives. */
export interface WebPluginLoaderContext {
  params: Record<string, string>;
  /** The validated search params (see `validateSearch`). */
  search: Record<string, unknown>;
  queryClient: QueryClient;
  /** The plugin's id: its endpoint is `/api/trpc/<id>` and its pages live under `/<id>`. */
  pluginId: string;
}

/** One page of a plugin, mounted at `/<plugin id><path>`. */
export interface WebPluginRoute {
  /** Below the plugin's base: `"/"` is its home, `"/rules/$ruleId"` has a param. */
  path: string;
  component: ComponentType;
  /** The page title (browser tab, command palette). */
  title?: string;
  /** Validates the search params, so filters live in the URL and survive a reload. */
  validateSearch?: SearchValidator;
  /** Prefetches what the page needs (`queryClient.ensureQueryData(...)`) before it renders. */
  loader?: (ctx: WebPluginLoaderContext) => unknown;
  /** The permission needed to open the page; without it the user sees a "no access" page. */
  permission?: string;
}

/** An entry of the portal's sidebar. */
export interface WebPluginNavItem {
  label: string;
  /** Below the plugin's base (`"/"` by default). */
  to?: string;
  icon?: ComponentType<{ className?: string }>;
  /** Hidden from users without it (the server still checks every call). */
  permission?: string;
  /** Words that find it in the command palette. */
  keywords?: readonly string[];
}

/** A component a plugin contributes to an extension point, such as `reporting.dashboard.widget`. */
export interface WebSlotContribution<P = Record<string, unknown>> {
  id: string;
  title?: string;
  component: ComponentType<P>;
  permission?: string;
  /** Lower comes first (default 100); ties keep the plugins' order. */
  order?: number;
}

/** The web part of a plugin: its pages, its sidebar entries and its contributions to extension points. */
export interface WebPluginDefinition {
  id: string;
  routes?: readonly WebPluginRoute[];
  nav?: readonly WebPluginNavItem[];
  // Contributions take the props of the slot that renders them, which only the slot's owner knows.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  slots?: Readonly<Record<string, readonly WebSlotContribution<any>[]>>;
  /** Wraps every page and slot contribution of the plugin (a provider of its own, say). */
  wrapper?: ComponentType<{ children: ReactNode }>;
}

const WEB_BRAND = Symbol.for("opsdeck.web-plugin-definition");

/** Declares a plugin's web part; its `./web` entry default-exports the result. */
export function defineWebPlugin<const T extends WebPluginDefinition>(definition: T): T {
  return Object.freeze({ ...definition, [WEB_BRAND]: true });
}

/** True for what `defineWebPlugin` returned, from any copy of the SDK. */
export function isWebPluginDefinition(value: unknown): value is WebPluginDefinition {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Record<symbol, unknown>)[WEB_BRAND] === true &&
    typeof (value as { id?: unknown }).id === "string"
  );
}
