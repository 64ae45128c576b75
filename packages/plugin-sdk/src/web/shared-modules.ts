/**
 * The packages the shell shares with every plugin's web bundle, one copy per page, through the import map
 * its build writes. A plugin marks them `external` (see `vite-preset.ts`); this list and the versions the
 * shell ships are the plugin web API contract.
 */
export const SHARED_MODULES = [
  "react",
  "react/jsx-runtime",
  "react-dom",
  "react-dom/client",
  "@tanstack/react-query",
  "@tanstack/react-router",
  "@opsdeck/plugin-sdk/web",
  "@opsdeck/ui",
] as const;

export type SharedModule = (typeof SHARED_MODULES)[number];

/** True when `id` is one of the shared packages (exactly: a deep import of one is not shared). */
export function isSharedModule(id: string): id is SharedModule {
  return (SHARED_MODULES as readonly string[]).includes(id);
}
