import type { SlotContribution } from "../manifest/types.ts";
import type { OrgState } from "./org-state.ts";
import type { PluginRegistry } from "./registry.ts";

/** One plugin's contribution to an extension point, as the owner of the slot reads it on the server. */
export interface SlotEntry {
  pluginId: string;
  contribution: SlotContribution;
}

/** Lists an organization's contributions to a slot. */
export type SlotLookup = (slot: string) => readonly SlotEntry[];

const cache = new WeakMap<OrgState, SlotLookup>();
const NONE: readonly SlotEntry[] = Object.freeze([]);

/**
 * What the healthy plugins enabled in an organization contribute to each slot (their manifests' `slots`),
 * in the plugins' order. A slot's owner reads it server-side — e.g. reporting lists the datasets other
 * plugins register — so a disabled plugin's contributions disappear with it.
 */
export function slotLookupFor(registry: PluginRegistry, state: OrgState): SlotLookup {
  const cached = cache.get(state);
  if (cached) return cached;
  const bySlot = new Map<string, SlotEntry[]>();
  for (const plugin of registry.healthy) {
    if (!plugin.slots || !state.isEnabled(plugin.id)) continue;
    for (const [slot, contributions] of Object.entries(plugin.slots)) {
      const list = bySlot.get(slot) ?? [];
      for (const contribution of contributions) list.push({ pluginId: plugin.id, contribution });
      bySlot.set(slot, list);
    }
  }
  const lookup: SlotLookup = (slot) => bySlot.get(slot) ?? NONE;
  cache.set(state, lookup);
  return lookup;
}

/** The lookup of a context outside any organization: nothing. */
export const noSlots: SlotLookup = () => NONE;
