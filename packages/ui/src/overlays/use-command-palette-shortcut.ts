import { useEffect, useRef } from "react";

export interface CommandPaletteShortcutOptions {
  /** The letter pressed with Ctrl (Windows, Linux) or ⌘ (macOS); default "k". */
  key?: string;
  enabled?: boolean;
}

/** Calls `onTrigger` on Ctrl-K / ⌘-K anywhere on the page (also while typing in a field), and stops the browser's own use of it. */
export function useCommandPaletteShortcut(onTrigger: () => void, options: CommandPaletteShortcutOptions = {}): void {
  const { key = "k", enabled = true } = options;
  // The latest callback without re-binding the listener on every render.
  const callback = useRef(onTrigger);
  useEffect(() => {
    callback.current = onTrigger;
  }, [onTrigger]);

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== key.toLowerCase()) return;
      if (!(event.metaKey || event.ctrlKey) || event.altKey || event.shiftKey) return;
      event.preventDefault();
      callback.current();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [key, enabled]);
}
