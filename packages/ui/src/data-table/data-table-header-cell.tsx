import { flexRender, type Header } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ChevronsUpDown } from "lucide-react";
import { cn } from "../lib/cn.ts";

const ALIGN = { left: "text-left justify-start", right: "text-right justify-end", center: "text-center justify-center" };

/** A column header; sortable ones are buttons (Enter/Space sort, Shift adds a second sort) with aria-sort. */
export function DataTableHeaderCell<TData>({ header }: { header: Header<TData, unknown> }) {
  const { column } = header;
  const meta = column.columnDef.meta;
  const align = ALIGN[meta?.align ?? "left"];
  const sorted = column.getIsSorted();
  const content = header.isPlaceholder ? null : flexRender(column.columnDef.header, header.getContext());
  const canSort = column.getCanSort();
  const ariaSort = sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : canSort ? "none" : undefined;
  const SortIcon = sorted === "asc" ? ArrowUp : sorted === "desc" ? ArrowDown : ChevronsUpDown;

  return (
    <th
      scope="col"
      aria-sort={ariaSort}
      style={{ width: column.id === "__select" ? 40 : undefined }}
      className={cn(
        "h-9 border-b border-border px-3 text-xs font-medium whitespace-nowrap text-muted-foreground",
        align,
        meta?.headerClassName,
      )}
    >
      {canSort ? (
        <button
          type="button"
          onClick={column.getToggleSortingHandler()}
          className={cn(
            "-mx-1 inline-flex cursor-pointer items-center gap-1 rounded-sm px-1 py-0.5 outline-none transition-colors",
            "hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring",
            sorted && "text-foreground",
          )}
        >
          {content}
          <SortIcon aria-hidden="true" className={cn("size-3.5", !sorted && "opacity-40")} />
        </button>
      ) : (
        <div className={cn("flex items-center", align)}>{content}</div>
      )}
    </th>
  );
}
