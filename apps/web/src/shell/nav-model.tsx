import type { LoadedWebPlugin } from "@opsdeck/plugin-sdk/web";
import {
  Activity,
  AlertTriangle,
  Building2,
  FileClock,
  Handshake,
  Home,
  KeyRound,
  Plug,
  Settings,
  Upload,
  UserRound,
  Users,
  UserSearch,
} from "lucide-react";
import type { ReactNode } from "react";
import type { PluginLoad } from "../plugins/load-web-plugins.ts";

/** A page the sidebar and the command palette offer. */
export interface NavEntry {
  id: string;
  label: string;
  href: string;
  icon: ReactNode;
  keywords: readonly string[];
}

export interface NavSection {
  label: string | undefined;
  entries: NavEntry[];
}

interface CoreEntry extends NavEntry {
  permission?: string;
}

const records: CoreEntry[] = [
  { id: "accounts", label: "Accounts", href: "/records/accounts", icon: <Building2 />, permission: "core.records.read", keywords: ["companies", "records"] },
  { id: "contacts", label: "Contacts", href: "/records/contacts", icon: <UserRound />, permission: "core.records.read", keywords: ["people", "records"] },
  { id: "leads", label: "Leads", href: "/records/leads", icon: <UserSearch />, permission: "core.records.read", keywords: ["prospects", "records"] },
  { id: "opportunities", label: "Opportunities", href: "/records/opportunities", icon: <Handshake />, permission: "core.records.read", keywords: ["deals", "pipeline", "records"] },
  { id: "import", label: "Import data", href: "/import", icon: <Upload />, permission: "core.import.run", keywords: ["csv", "upload", "salesforce", "hubspot"] },
];

const admin: CoreEntry[] = [
  { id: "admin-users", label: "Users", href: "/admin/users", icon: <Users />, permission: "core.users.read", keywords: ["members", "invitations", "invite", "team"] },
  { id: "admin-roles", label: "Roles & permissions", href: "/admin/roles", icon: <KeyRound />, permission: "core.roles.manage", keywords: ["grants", "access", "matrix"] },
  { id: "admin-plugins", label: "Plugins", href: "/admin/plugins", icon: <Plug />, permission: "core.plugins.manage", keywords: ["enable", "disable", "extensions", "settings"] },
  { id: "admin-jobs", label: "Jobs", href: "/admin/jobs", icon: <Activity />, permission: "core.jobs.read", keywords: ["background", "progress", "imports"] },
  { id: "admin-audit", label: "Audit log", href: "/admin/audit", icon: <FileClock />, permission: "core.audit.read", keywords: ["history", "changes", "who"] },
  { id: "admin-settings", label: "Organization settings", href: "/admin/settings", icon: <Settings />, permission: "core.settings.manage", keywords: ["currency", "fiscal year", "time zone", "name"] },
];

const allowed = (entries: CoreEntry[], permissions: ReadonlySet<string>): NavEntry[] =>
  entries.filter((e) => !e.permission || permissions.has(e.permission)).map(({ permission: _p, ...entry }) => entry);

/** `/<id>` + `"/rules"` → `/<id>/rules`. */
export function pluginHref(pluginId: string, to: string | undefined): string {
  const rest = (to ?? "/").replace(/^\/+/, "");
  return rest ? `/${pluginId}/${rest}` : `/${pluginId}`;
}

function pluginEntries(plugin: LoadedWebPlugin, permissions: ReadonlySet<string>): NavEntry[] {
  return (plugin.definition.nav ?? [])
    .filter((item) => !item.permission || permissions.has(item.permission))
    .map((item, index) => {
      const Icon = item.icon ?? Plug;
      return {
        id: `plugin:${plugin.id}:${index}`,
        label: item.label,
        href: pluginHref(plugin.id, item.to),
        icon: <Icon />,
        keywords: [plugin.name, ...(item.keywords ?? [])],
      };
    });
}

/**
 * The sidebar: home, the CRM records, one section per enabled plugin the user may see (a plugin whose
 * bundle failed keeps one entry, to its error card), then the admin pages the user has permissions for.
 */
export function buildNav(input: {
  permissions: ReadonlySet<string>;
  plugins: readonly LoadedWebPlugin[];
  failed: readonly Extract<PluginLoad, { status: "failed" }>[];
  visibleIds: ReadonlySet<string>;
  /** Visible plugins with a web part this page did not load (enabled since): one entry each, to load them. */
  pending: readonly { id: string; name: string }[];
}): NavSection[] {
  const sections: NavSection[] = [
    { label: undefined, entries: [{ id: "home", label: "Home", href: "/", icon: <Home />, keywords: ["dashboard", "start"] }] },
  ];
  const recordEntries = allowed(records, input.permissions);
  if (recordEntries.length) sections.push({ label: "Data", entries: recordEntries });
  for (const plugin of input.plugins) {
    const entries = pluginEntries(plugin, input.permissions);
    if (entries.length) sections.push({ label: plugin.name, entries });
  }
  if (input.pending.length) {
    sections.push({
      label: "Plugins",
      entries: input.pending.map((p) => ({ id: `plugin:${p.id}`, label: p.name, href: `/${p.id}`, icon: <Plug />, keywords: [] })),
    });
  }
  const failed = input.failed.filter((f) => input.visibleIds.has(f.id));
  if (failed.length) {
    sections.push({
      label: "Unavailable",
      entries: failed.map((f) => ({ id: `plugin:${f.id}`, label: f.name, href: `/${f.id}`, icon: <AlertTriangle />, keywords: [] })),
    });
  }
  const adminEntries = allowed(admin, input.permissions);
  if (adminEntries.length) sections.push({ label: "Administration", entries: adminEntries });
  return sections;
}

/** The entry of the current page: the longest href that prefixes the path. */
export function activeEntryId(sections: readonly NavSection[], pathname: string): string | undefined {
  let best: NavEntry | undefined;
  for (const entry of sections.flatMap((s) => s.entries)) {
    const match = entry.href === "/" ? pathname === "/" : pathname === entry.href || pathname.startsWith(`${entry.href}/`);
    if (match && (!best || entry.href.length > best.href.length)) best = entry;
  }
  return best?.id;
}
