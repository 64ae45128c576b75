import { ShellContext } from "@opsdeck/plugin-sdk/web";
import { AppShell, CommandPaletteTrigger, IconButton, LoadingState, Sidebar, ThemeToggle, Topbar, useCommandPaletteShortcut } from "@opsdeck/ui";
import { Outlet, useLocation, useRouteContext } from "@tanstack/react-router";
import { Search } from "lucide-react";
import { useSuspenseQuery } from "@tanstack/react-query";
import { lazy, Suspense, useMemo, useState } from "react";
import { platformQuery } from "../plugins/installed-plugins.ts";
import type { PluginLoad } from "../plugins/load-web-plugins.ts";
import { activeEntryId, buildNav } from "./nav-model.tsx";
import { OrgSwitcher } from "./org-switcher.tsx";
import { UserMenu } from "./user-menu.tsx";
import { useShellState } from "./use-shell-state.ts";

// The palette (cmdk and its record search) loads the first time it opens, not with every page.
const ShellCommandPalette = lazy(() => import("./command-palette.tsx").then((m) => ({ default: m.ShellCommandPalette })));

/** The signed-in frame: sidebar (organization, pages, plugins, admin), topbar (search, theme, account) and the page. */
export function AppFrame() {
  const { plugins: loads } = useRouteContext({ from: "__root__" });
  const shell = useShellState(loads);
  const { data: platform } = useSuspenseQuery(platformQuery);
  const { pathname } = useLocation();
  const [paletteOpen, setPaletteOpenState] = useState(false);
  const [paletteUsed, setPaletteUsed] = useState(false);
  const setPaletteOpen = (open: boolean) => {
    if (open) setPaletteUsed(true);
    setPaletteOpenState(open);
  };
  useCommandPaletteShortcut(() => setPaletteOpen(!paletteOpen));

  const sections = useMemo(
    () =>
      buildNav({
        permissions: shell.permissions,
        plugins: shell.plugins,
        failed: loads.filter((l): l is Extract<PluginLoad, { status: "failed" }> => l.status === "failed"),
        visibleIds: shell.visibleIds,
        pending: platform.plugins.filter((p) => p.visible && p.web && !loads.some((l) => l.id === p.id)),
      }),
    [shell, loads, platform],
  );
  const groups = useMemo(
    () => sections.map((s) => ({ label: s.label, items: s.entries.map(({ id, label, href, icon }) => ({ id, label, href, icon })) })),
    [sections],
  );
  const entries = useMemo(() => sections.flatMap((s) => s.entries), [sections]);

  return (
    <ShellContext.Provider value={shell}>
      <AppShell
        sidebar={<Sidebar header={<OrgSwitcher />} groups={groups} activeId={activeEntryId(sections, pathname)} />}
        topbar={
          <Topbar
            center={<CommandPaletteTrigger onClick={() => setPaletteOpen(true)} />}
            end={
              <>
                <IconButton className="md:hidden" label="Search" icon={<Search />} onClick={() => setPaletteOpen(true)} />
                <ThemeToggle />
                <UserMenu />
              </>
            }
          />
        }
      >
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </AppShell>
      {paletteUsed ? (
        <Suspense fallback={null}>
          <ShellCommandPalette open={paletteOpen} onOpenChange={setPaletteOpen} entries={entries} />
        </Suspense>
      ) : null}
    </ShellContext.Provider>
  );
}
