import * as DialogPrimitive from "@radix-ui/react-dialog";
import { Menu } from "lucide-react";
import { cloneElement, isValidElement, useState, type ReactElement, type ReactNode } from "react";
import { cn } from "../lib/cn.ts";
import { DialogOverlay } from "../overlays/dialog.tsx";
import { IconButton } from "../primitives/icon-button.tsx";
import type { SidebarProps } from "./sidebar.tsx";

export interface AppShellProps {
  /** A <Sidebar/>: fixed on wide screens, a drawer behind a menu button on narrow ones. */
  sidebar: ReactElement<SidebarProps>;
  /** A <Topbar/>. */
  topbar?: ReactNode;
  children: ReactNode;
  className?: string;
}

/** The portal's frame: sidebar on the left, topbar above a scrolling main area. */
export function AppShell({ sidebar, topbar, children, className }: AppShellProps) {
  const [drawerOpen, setDrawerOpen] = useState(false);
  const drawerSidebar = isValidElement(sidebar)
    ? cloneElement(sidebar, {
        onNavigate: () => {
          setDrawerOpen(false);
          sidebar.props.onNavigate?.();
        },
        className: cn(sidebar.props.className, "w-full border-r-0"),
      })
    : sidebar;

  return (
    <div className={cn("flex h-dvh w-full overflow-hidden bg-background text-foreground", className)}>
      <div className="hidden shrink-0 md:flex">{sidebar}</div>
      <DialogPrimitive.Root open={drawerOpen} onOpenChange={setDrawerOpen}>
        <DialogPrimitive.Portal>
          <DialogOverlay />
          <DialogPrimitive.Content
            aria-describedby={undefined}
            className="fixed inset-y-0 left-0 z-50 w-64 shadow-xl outline-none animate-slide-in-left"
          >
            <DialogPrimitive.Title className="sr-only">Navigation</DialogPrimitive.Title>
            {drawerSidebar}
          </DialogPrimitive.Content>
        </DialogPrimitive.Portal>
      </DialogPrimitive.Root>
      <div className="flex min-w-0 flex-1 flex-col">
        <div className="flex items-stretch">
          <div className="flex items-center border-b border-border pl-2 md:hidden">
            <IconButton label="Open navigation" icon={<Menu />} onClick={() => setDrawerOpen(true)} />
          </div>
          <div className="min-w-0 flex-1">{topbar}</div>
        </div>
        <main className="min-h-0 flex-1 overflow-y-auto">{children}</main>
      </div>
    </div>
  );
}
