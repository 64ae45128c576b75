import { Search } from "lucide-react";
import { cn } from "../lib/cn.ts";

export interface CommandPaletteTriggerProps {
  onClick: () => void;
  placeholder?: string;
  className?: string;
}

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/** A search-box-looking button for the topbar that opens the command palette and shows its shortcut. */
export function CommandPaletteTrigger({ onClick, placeholder = "Search or jump to…", className }: CommandPaletteTriggerProps) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-keyshortcuts={isMac ? "Meta+K" : "Control+K"}
      className={cn(
        "flex h-8 w-full cursor-pointer items-center gap-2 rounded-md border border-border bg-subtle px-2.5 text-sm text-muted-foreground shadow-xs outline-none transition-colors",
        "hover:bg-accent hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring",
        className,
      )}
    >
      <Search className="size-4 shrink-0" aria-hidden="true" />
      <span className="truncate">{placeholder}</span>
      <kbd className="ml-auto rounded border border-border bg-background px-1.5 font-mono text-[0.6875rem]">
        {isMac ? "⌘K" : "Ctrl K"}
      </kbd>
    </button>
  );
}
