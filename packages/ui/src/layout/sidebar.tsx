import type { ReactNode } from "react";
import { cn } from "../lib/cn.ts";
import { useLinkComponent } from "./link-context.tsx";

export interface SidebarNavItem {
  id: string;
  label: string;
  href: string;
  /** A lucide icon element. */
  icon?: ReactNode;
  /** A count or a Badge at the right. */
  badge?: ReactNode;
}

export interface SidebarNavGroup {
  /** Shown above the group (e.g. the plugin's name); omit for the top group. */
  label?: string;
  items: readonly SidebarNavItem[];
}

export interface SidebarProps {
  /** The logo or organization switcher at the top. */
  header?: ReactNode;
  groups: readonly SidebarNavGroup[];
  /** The id of the item for the current page (gets aria-current="page"). */
  activeId?: string;
  /** The user menu or help links at the bottom. */
  footer?: ReactNode;
  /** Called after a link is followed (the mobile drawer closes on it). */
  onNavigate?: () => void;
  className?: string;
  /** The navigation landmark's name. */
  label?: string;
}

/** The left navigation: groups of links with icons, the current page highlighted. */
export function Sidebar({
  header,
  groups,
  activeId,
  footer,
  onNavigate,
  className,
  label = "Main navigation",
}: SidebarProps) {
  const Link = useLinkComponent();
  return (
    <div
      className={cn(
        "flex h-full w-60 flex-col border-r border-sidebar-border bg-sidebar text-sidebar-foreground",
        className,
      )}
    >
      {header ? <div className="flex h-12 shrink-0 items-center px-3">{header}</div> : null}
      <nav aria-label={label} className="flex flex-1 flex-col gap-4 overflow-y-auto px-2 py-2">
        {groups.map((group, index) => (
          <div key={group.label ?? index} className="flex flex-col gap-0.5">
            {group.label ? (
              <p className="px-2 pt-1 pb-1 text-xs font-medium text-muted-foreground">{group.label}</p>
            ) : null}
            <ul className="flex flex-col gap-0.5">
              {group.items.map((item) => {
                const active = item.id === activeId;
                return (
                  <li key={item.id}>
                    <Link
                      href={item.href}
                      aria-current={active ? "page" : undefined}
                      onClick={onNavigate}
                      className={cn(
                        "flex h-8 items-center gap-2 rounded-md px-2 text-sm outline-none transition-colors",
                        "hover:bg-sidebar-accent hover:text-sidebar-accent-foreground focus-visible:ring-2 focus-visible:ring-ring",
                        "[&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-muted-foreground",
                        active &&
                          "bg-sidebar-accent font-medium text-sidebar-accent-foreground [&_svg]:text-sidebar-accent-foreground",
                      )}
                    >
                      {item.icon}
                      <span className="truncate">{item.label}</span>
                      {item.badge !== undefined ? (
                        <span className="ml-auto text-xs text-muted-foreground tabular-nums">{item.badge}</span>
                      ) : null}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </nav>
      {footer ? <div className="shrink-0 border-t border-sidebar-border p-2">{footer}</div> : null}
    </div>
  );
}
