import { useCallback, useSyncExternalStore } from "react";
import {
  getResolvedTheme,
  getThemePreference,
  setThemePreference,
  subscribeTheme,
  type ResolvedTheme,
  type ThemePreference,
} from "./theme-store.ts";

export interface UseThemeResult {
  /** What the user chose: light, dark or system. */
  theme: ThemePreference;
  /** What is shown now (system resolved). */
  resolvedTheme: ResolvedTheme;
  setTheme: (theme: ThemePreference) => void;
  /** Switches between light and dark (leaving "system"). */
  toggleTheme: () => void;
}

/** The colour theme: read it, set it (persisted in localStorage), follow the OS when "system". */
export function useTheme(): UseThemeResult {
  const theme = useSyncExternalStore(subscribeTheme, getThemePreference, () => "system" as const);
  const resolvedTheme = useSyncExternalStore(subscribeTheme, getResolvedTheme, () => "light" as const);
  const toggleTheme = useCallback(() => {
    setThemePreference(getResolvedTheme() === "dark" ? "light" : "dark");
  }, []);
  return { theme, resolvedTheme, setTheme: setThemePreference, toggleTheme };
}
