import type { Updater, VisibilityState } from "@tanstack/react-table";
import { useCallback, useState } from "react";

/** The localStorage key under which a table keeps its visible columns. */
export function columnVisibilityKey(storageKey: string): string {
  return `opsdeck.table.${storageKey}.columns`;
}

function read(storageKey: string | undefined, defaults: VisibilityState): VisibilityState {
  if (!storageKey) return defaults;
  try {
    const raw = window.localStorage.getItem(columnVisibilityKey(storageKey));
    if (!raw) return defaults;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== "object" || parsed === null) return defaults;
    const stored: VisibilityState = {};
    for (const [id, visible] of Object.entries(parsed)) if (typeof visible === "boolean") stored[id] = visible;
    // Columns added since the user saved keep their default.
    return { ...defaults, ...stored };
  } catch {
    return defaults;
  }
}

/** Column visibility for TanStack Table, remembered per `storageKey` in localStorage. */
export function useColumnVisibility(
  storageKey: string | undefined,
  defaults: VisibilityState,
): [VisibilityState, (updater: Updater<VisibilityState>) => void] {
  const [visibility, setVisibility] = useState(() => read(storageKey, defaults));
  const update = useCallback(
    (updater: Updater<VisibilityState>) => {
      setVisibility((current) => {
        const next = typeof updater === "function" ? updater(current) : updater;
        if (storageKey) {
          try {
            window.localStorage.setItem(columnVisibilityKey(storageKey), JSON.stringify(next));
          } catch {
            // Storage full or blocked: the choice still holds for this page.
          }
        }
        return next;
      });
    },
    [storageKey],
  );
  return [visibility, update];
}
