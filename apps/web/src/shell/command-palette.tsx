import { usePermissions } from "@opsdeck/plugin-sdk/web";
import { Dialog, DialogContent, DialogTitle, Spinner, cn } from "@opsdeck/ui";
import { useQueries } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { Command } from "cmdk";
import { Building2, Handshake, Search, UserRound, UserSearch } from "lucide-react";
import { useDeferredValue, useMemo, useState, type ReactNode } from "react";
import { trpc } from "../lib/trpc.ts";
import { useDebouncedValue } from "../lib/use-debounced-value.ts";
import type { NavEntry } from "./nav-model.tsx";
import { recordLabel, SEARCHABLE_ENTITIES, type SearchableEntity } from "./record-label.ts";

const ENTITY_ICONS: Record<SearchableEntity, ReactNode> = {
  accounts: <Building2 />,
  contacts: <UserRound />,
  leads: <UserSearch />,
  opportunities: <Handshake />,
};

function matches(entry: NavEntry, query: string): boolean {
  const haystack = [entry.label, ...entry.keywords].join(" ").toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

const itemClass = cn(
  "flex cursor-default items-center gap-2 rounded-md px-2 py-2 text-sm select-none",
  "data-[selected=true]:bg-accent data-[selected=true]:text-accent-foreground",
  "[&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-muted-foreground",
);
const groupClass =
  "[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-muted-foreground";

interface RecordHit {
  entity: SearchableEntity;
  row: Record<string, unknown>;
  value: string;
}

/** Accounts, contacts, leads and opportunities matching the query, five of each (searched on the server). */
function useRecordHits(query: string, enabled: boolean): { hits: RecordHit[]; loading: boolean } {
  const lists = useQueries({
    queries: SEARCHABLE_ENTITIES.map((entity) => ({
      ...trpc.records.list.queryOptions({ entity, search: query, limit: 5 }),
      enabled: enabled && query.length >= 2,
      staleTime: 15_000,
    })),
  });
  const hits = useMemo(
    () =>
      query.length < 2
        ? []
        : SEARCHABLE_ENTITIES.flatMap((entity, index) =>
            ((lists[index]?.data?.rows ?? []) as Record<string, unknown>[]).map((row) => ({ entity, row, value: `record:${entity}:${String(row.id)}` })),
          ),
    // The query results, not the array `useQueries` returns anew on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [query, ...lists.map((l) => l.data)],
  );
  return { hits, loading: lists.some((l) => l.isFetching) };
}

/** Ctrl/⌘-K: jump to any page the user may open, or find an account, contact, lead or opportunity by name. */
export function ShellCommandPalette({ open, onOpenChange, entries }: { open: boolean; onOpenChange: (open: boolean) => void; entries: readonly NavEntry[] }) {
  const [search, setSearch] = useState("");
  const navigate = useNavigate();
  const { has } = usePermissions();
  const deferred = useDeferredValue(search.trim());
  const recordQuery = useDebouncedValue(deferred, 200);
  const pages = useMemo(() => (deferred ? entries.filter((e) => matches(e, deferred)) : entries), [entries, deferred]);
  const { hits, loading } = useRecordHits(recordQuery, has("core.records.read"));
  // Without cmdk's own filtering it does not move the selection: keep it on the first result.
  const [chosen, setSelected] = useState("");
  const values = useMemo(() => [...pages.map((p) => `page:${p.id}`), ...hits.map((h) => h.value)], [pages, hits]);
  const selected = values.includes(chosen) ? chosen : (values[0] ?? "");
  const go = (to: string) => {
    onOpenChange(false);
    setSearch("");
    void navigate({ to });
  };
  return (
    <Dialog open={open} onOpenChange={(next) => (onOpenChange(next), next || setSearch(""))}>
      <DialogContent
          aria-describedby={undefined}
          hideClose
          size="lg"
          className="top-[15vh] max-w-xl translate-y-0 gap-0 overflow-hidden p-0 shadow-2xl"
        >
          <DialogTitle className="sr-only">Search and jump</DialogTitle>
          <Command shouldFilter={false} loop label="Search and jump" value={selected} onValueChange={setSelected}>
            <div className="flex items-center gap-2 border-b border-border px-3">
              <Search className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
              <Command.Input
                autoFocus
                value={search}
                onValueChange={setSearch}
                placeholder="Jump to a page or find a record…"
                className="h-11 w-full bg-transparent text-sm outline-none placeholder:text-muted-foreground"
              />
              <kbd className="hidden rounded border border-border bg-muted px-1.5 font-mono text-[0.6875rem] text-muted-foreground sm:inline">Esc</kbd>
            </div>
            <Command.List className="max-h-[min(26rem,60vh)] scroll-py-1 overflow-y-auto p-1">
              <Command.Empty className="py-8 text-center text-sm text-muted-foreground">
                {recordQuery.length >= 2 ? "Nothing found." : "No page matches."}
              </Command.Empty>
              {pages.length ? (
                <Command.Group heading="Pages" className={groupClass}>
                  {pages.map((entry) => (
                    <Command.Item key={entry.id} value={`page:${entry.id}`} className={itemClass} onSelect={() => go(entry.href)}>
                      {entry.icon}
                      <span className="truncate">{entry.label}</span>
                      <span className="ml-auto truncate text-xs text-muted-foreground">{entry.href}</span>
                    </Command.Item>
                  ))}
                </Command.Group>
              ) : null}
              {loading ? (
                <Command.Loading>
                  <div className="flex items-center gap-2 px-2 py-2 text-xs text-muted-foreground">
                    <Spinner className="size-3" /> Searching records…
                  </div>
                </Command.Loading>
              ) : null}
              {SEARCHABLE_ENTITIES.map((entity) => {
                const rows = hits.filter((h) => h.entity === entity);
                return rows.length ? (
                  <Command.Group key={entity} heading={entity[0]!.toUpperCase() + entity.slice(1)} className={groupClass}>
                    {rows.map((hit) => (
                      <Command.Item key={hit.value} value={hit.value} className={itemClass} onSelect={() => go(`/records/${entity}/${String(hit.row.id)}`)}>
                        {ENTITY_ICONS[entity]}
                        <span className="truncate">{recordLabel(entity, hit.row)}</span>
                      </Command.Item>
                    ))}
                  </Command.Group>
                ) : null;
              })}
            </Command.List>
          </Command>
        </DialogContent>
    </Dialog>
  );
}
