import * as DialogPrimitive from "@radix-ui/react-dialog";
import { VisuallyHidden } from "@radix-ui/react-visually-hidden";
import { Command, defaultFilter } from "cmdk";
import { Search } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "../lib/cn.ts";
import { DialogOverlay } from "./dialog.tsx";

export interface CommandPaletteItem {
  id: string;
  label: string;
  /** Extra words that find this item (synonyms, the plugin's name…). */
  keywords?: readonly string[];
  icon?: ReactNode;
  /** A hint on the right, e.g. "G then T" or the section name. */
  hint?: string;
  disabled?: boolean;
  onSelect: () => void;
}

export interface CommandPaletteGroup {
  heading: string;
  items: readonly CommandPaletteItem[];
}

export interface CommandPaletteProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  groups: readonly CommandPaletteGroup[];
  placeholder?: string;
  emptyText?: string;
  /** The dialog's accessible title. */
  title?: string;
}

// Items carry a unique value (group + id) and match on their label plus keywords.
const matchLabelAndKeywords = (_value: string, search: string, keywords: string[] = []) =>
  defaultFilter(keywords[0] ?? "", search, keywords.slice(1));

/** The Ctrl/⌘-K palette: type to filter grouped items by label and keywords, Enter runs one and closes. */
export function CommandPalette({
  open,
  onOpenChange,
  groups,
  placeholder = "Type a command or search…",
  emptyText = "No results.",
  title = "Command palette",
}: CommandPaletteProps) {
  return (
    <DialogPrimitive.Root open={open} onOpenChange={onOpenChange}>
      <DialogPrimitive.Portal>
        <DialogOverlay />
        <DialogPrimitive.Content
          aria-describedby={undefined}
          className={cn(
            "fixed top-[15vh] left-1/2 z-50 w-[calc(100%-2rem)] max-w-xl -translate-x-1/2 overflow-hidden",
            "rounded-xl border border-border bg-popover text-popover-foreground shadow-2xl outline-none animate-fade-in",
          )}
        >
          <VisuallyHidden>
            <DialogPrimitive.Title>{title}</DialogPrimitive.Title>
          </VisuallyHidden>
          <Command filter={matchLabelAndKeywords} loop label={title}>
            <div className="flex items-center gap-2 border-b border-border px-3">
              <Search className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
              <Command.Input
                autoFocus
                placeholder={placeholder}
                className="h-11 w-full bg-transparent text-sm outline-none placeholder:text-muted-foreground"
              />
              <kbd className="hidden rounded border border-border bg-muted px-1.5 font-mono text-[0.6875rem] text-muted-foreground sm:inline">
                Esc
              </kbd>
            </div>
            <Command.List className="max-h-[min(24rem,60vh)] scroll-py-1 overflow-y-auto p-1">
              <Command.Empty className="py-8 text-center text-sm text-muted-foreground">{emptyText}</Command.Empty>
              {groups.map((group, groupIndex) => (
                <Command.Group
                  key={group.heading}
                  heading={group.heading}
                  className="[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-muted-foreground"
                >
                  {group.items.map((item) => (
                    <Command.Item
                      key={item.id}
                      value={`${groupIndex}:${item.id}`}
                      keywords={[item.label, ...(item.keywords ?? [])]}
                      disabled={item.disabled}
                      onSelect={() => {
                        onOpenChange(false);
                        item.onSelect();
                      }}
                      className={cn(
                        "flex cursor-default items-center gap-2 rounded-md px-2 py-2 text-sm select-none",
                        "data-[selected=true]:bg-accent data-[selected=true]:text-accent-foreground data-[disabled=true]:opacity-50",
                        "[&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-muted-foreground",
                      )}
                    >
                      {item.icon}
                      <span className="truncate">{item.label}</span>
                      {item.hint ? <span className="ml-auto text-xs text-muted-foreground">{item.hint}</span> : null}
                    </Command.Item>
                  ))}
                </Command.Group>
              ))}
            </Command.List>
          </Command>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
