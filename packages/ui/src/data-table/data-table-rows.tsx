import { flexRender, type Row } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { RefObject } from "react";
import { cn } from "../lib/cn.ts";

const ALIGN = { left: "text-left", right: "text-right tabular-nums", center: "text-center" };

interface RowProps<TData> {
  row: Row<TData>;
  onRowClick?: (row: TData) => void;
  /** The row's position among all rows, for aria-rowindex when virtualized. */
  index?: number;
}

function DataTableRow<TData>({ row, onRowClick, index }: RowProps<TData>) {
  const selected = row.getIsSelected();
  return (
    <tr
      data-state={selected ? "selected" : undefined}
      aria-selected={row.getCanSelect() ? selected : undefined}
      aria-rowindex={index}
      tabIndex={onRowClick ? 0 : undefined}
      onClick={onRowClick ? () => onRowClick(row.original) : undefined}
      onKeyDown={
        onRowClick
          ? (event) => {
              if (event.key === "Enter" && event.target === event.currentTarget) onRowClick(row.original);
            }
          : undefined
      }
      className={cn(
        "h-9 border-b border-border transition-colors last:border-b-0 hover:bg-muted/50 data-[state=selected]:bg-primary/5",
        onRowClick && "cursor-pointer outline-none focus-visible:bg-muted focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset",
      )}
    >
      {row.getVisibleCells().map((cell) => {
        const meta = cell.column.columnDef.meta;
        return (
          <td
            key={cell.id}
            className={cn(
              // Cells stay on one line; a column that may hold long text sets a max width and `truncate`.
              "px-3 py-1.5 text-sm whitespace-nowrap",
              ALIGN[meta?.align ?? "left"],
              cell.column.id === "__select" && "w-10",
              meta?.cellClassName,
            )}
          >
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </td>
        );
      })}
    </tr>
  );
}

export interface DataTableRowsProps<TData> {
  rows: readonly Row<TData>[];
  onRowClick?: (row: TData) => void;
}

/** Every row rendered: for pages of a normal size. */
export function DataTableRows<TData>({ rows, onRowClick }: DataTableRowsProps<TData>) {
  return (
    <>
      {rows.map((row) => (
        <DataTableRow key={row.id} row={row} onRowClick={onRowClick} />
      ))}
    </>
  );
}

export interface VirtualRowsProps<TData> extends DataTableRowsProps<TData> {
  scrollRef: RefObject<HTMLDivElement | null>;
  rowHeight: number;
  overscan: number;
  viewportHeight: number;
  columnCount: number;
}

/** Only the rows in view (plus overscan), with spacer rows keeping the scroll height: for long lists. */
export function DataTableVirtualRows<TData>({
  rows,
  onRowClick,
  scrollRef,
  rowHeight,
  overscan,
  viewportHeight,
  columnCount,
}: VirtualRowsProps<TData>) {
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
    // Before the first measurement (and in tests) assume the viewport's configured height.
    initialRect: { width: 0, height: viewportHeight },
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <>
      {top > 0 ? (
        <tr aria-hidden="true">
          <td colSpan={columnCount} style={{ height: top, padding: 0 }} />
        </tr>
      ) : null}
      {items.map((item) => {
        const row = rows[item.index];
        return row ? <DataTableRow key={row.id} row={row} onRowClick={onRowClick} index={item.index + 2} /> : null;
      })}
      {bottom > 0 ? (
        <tr aria-hidden="true">
          <td colSpan={columnCount} style={{ height: bottom, padding: 0 }} />
        </tr>
      ) : null}
    </>
  );
}
