// One theme store per page (the shell and every plugin share this module through the import map),
// so every useTheme() and the Toaster agree without a provider.

export type ThemePreference = "light" | "dark" | "system";
export type ResolvedTheme = "light" | "dark";

/** The localStorage key holding the user's preference. */
export const THEME_STORAGE_KEY = "opsdeck.theme";

const listeners = new Set<() => void>();
const DARK_QUERY = "(prefers-color-scheme: dark)";

function readPreference(): ThemePreference {
  try {
    const stored = window.localStorage.getItem(THEME_STORAGE_KEY);
    return stored === "light" || stored === "dark" || stored === "system" ? stored : "system";
  } catch {
    // Storage can be blocked (privacy mode, sandboxed iframe): fall back to the system theme.
    return "system";
  }
}

function systemTheme(): ResolvedTheme {
  return typeof window.matchMedia === "function" && window.matchMedia(DARK_QUERY).matches ? "dark" : "light";
}

/** The user's stored preference (light, dark or system). */
export function getThemePreference(): ThemePreference {
  return typeof window === "undefined" ? "system" : readPreference();
}

/** The theme actually shown: the preference with "system" resolved. */
export function getResolvedTheme(): ResolvedTheme {
  const preference = getThemePreference();
  if (preference === "system") return typeof window === "undefined" ? "light" : systemTheme();
  return preference;
}

/** Puts `.dark` on <html> (or takes it off) to match the resolved theme. */
export function applyTheme(): void {
  if (typeof document === "undefined") return;
  document.documentElement.classList.toggle("dark", getResolvedTheme() === "dark");
}

/** Stores a preference, applies it and tells every subscriber. */
export function setThemePreference(preference: ThemePreference): void {
  try {
    window.localStorage.setItem(THEME_STORAGE_KEY, preference);
  } catch {
    // Not persisted, but still applied for this page.
  }
  applyTheme();
  for (const listener of listeners) listener();
}

let watchingSystem = false;

/** Subscribes to theme changes: stored preference, another tab, or the OS switching light/dark. */
export function subscribeTheme(listener: () => void): () => void {
  listeners.add(listener);
  if (!watchingSystem && typeof window !== "undefined") {
    watchingSystem = true;
    const notify = () => {
      applyTheme();
      for (const each of listeners) each();
    };
    window.matchMedia?.(DARK_QUERY).addEventListener?.("change", notify);
    window.addEventListener("storage", (event) => {
      if (event.key === THEME_STORAGE_KEY) notify();
    });
  }
  return () => listeners.delete(listener);
}

/**
 * An inline script for the shell's index.html <head>: sets `.dark` before the first paint, so a dark-mode
 * user never sees a white flash while the bundle loads.
 */
export const themeInitScript = `(function(){try{var p=localStorage.getItem(${JSON.stringify(
  THEME_STORAGE_KEY,
)});var d=p==="dark"||((p!=="light")&&window.matchMedia("${DARK_QUERY}").matches);document.documentElement.classList.toggle("dark",d);}catch(e){}})();`;
