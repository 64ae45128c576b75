import { createContext, useContext } from "react";
import type { WebPluginDefinition } from "./define-web-plugin.ts";

/** The signed-in person. */
export interface CurrentUser {
  id: string;
  email: string;
  name: string;
}

/** The organization the user is acting in. */
export interface CurrentOrganization {
  id: string;
  slug: string;
  name: string;
  currency: string;
  timeZone: string;
  fiscalYearStartMonth: number;
}

/** A plugin whose web part the shell loaded for this page. */
export interface LoadedWebPlugin {
  id: string;
  name: string;
  definition: WebPluginDefinition;
}

/** What the shell tells plugins about the page: who, where, what they may do, which plugins run. */
export interface ShellState {
  user: CurrentUser;
  organization: CurrentOrganization;
  role: string;
  permissions: ReadonlySet<string>;
  /** Loaded plugins that are enabled for the organization right now, in the nav's order. */
  plugins: readonly LoadedWebPlugin[];
}

/** Provided once by the shell; plugins read it through the hooks. Internal to the shell and the SDK. */
export const ShellContext = createContext<ShellState | null>(null);

/** The plugin whose page or slot contribution is rendering (set by the shell around each). */
export const PluginScopeContext = createContext<string | null>(null);

/** The shell's state; throws outside the shell (a plugin component rendered on its own, say in a test without the kit). */
export function useShell(): ShellState {
  const state = useContext(ShellContext);
  if (!state) throw new Error("This component must render inside the Opsdeck shell (or the SDK's test provider).");
  return state;
}

/** The id of the plugin this component belongs to. */
export function usePluginId(): string {
  const id = useContext(PluginScopeContext);
  if (!id) throw new Error("usePluginId() is only available inside a plugin's page or slot contribution.");
  return id;
}
