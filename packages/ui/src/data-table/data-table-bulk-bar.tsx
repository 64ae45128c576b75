import type { ReactNode } from "react";
import { formatNumber } from "../lib/format/format-number.ts";
import { Button } from "../primitives/button.tsx";

export interface DataTableBulkBarProps {
  count: number;
  onClear: () => void;
  children?: ReactNode;
}

/** The strip shown while rows are selected: how many, the bulk actions, and a way out. */
export function DataTableBulkBar({ count, onClear, children }: DataTableBulkBarProps) {
  return (
    <div
      role="region"
      aria-label="Bulk actions"
      className="flex flex-wrap items-center gap-3 rounded-md border border-primary/25 bg-primary/5 px-3 py-1.5 animate-fade-in"
    >
      <span className="text-sm font-medium tabular-nums" aria-live="polite">
        {formatNumber(count)} selected
      </span>
      <div className="flex flex-wrap items-center gap-2">{children}</div>
      <Button size="sm" variant="ghost" className="ml-auto" onClick={onClear}>
        Clear selection
      </Button>
    </div>
  );
}
