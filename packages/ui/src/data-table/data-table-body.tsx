import type { Row, Table } from "@tanstack/react-table";
import { SearchX } from "lucide-react";
import type { ReactNode, RefObject } from "react";
import { EmptyState } from "../feedback/empty-state.tsx";
import { ErrorState } from "../feedback/error-state.tsx";
import { cn } from "../lib/cn.ts";
import { Button } from "../primitives/button.tsx";
import { Skeleton } from "../primitives/skeleton.tsx";
import { DataTableRows, DataTableVirtualRows } from "./data-table-rows.tsx";

export interface DataTableBodyProps<TData> {
  table: Table<TData>;
  rows: readonly Row<TData>[];
  loading: boolean;
  errorMessage: string | null;
  onRetry?: () => void;
  /** A search or filter is active (an empty result then offers to clear them). */
  filtered: boolean;
  onClearFilters: () => void;
  emptyState?: ReactNode;
  skeletonRows: number;
  virtual: { scrollRef: RefObject<HTMLDivElement | null>; rowHeight: number; overscan: number; height: number } | null;
  onRowClick?: (row: TData) => void;
}

/** The table body in each state: error, first load (skeleton rows), empty, no match, rows (virtual or not). */
export function DataTableBody<TData>({
  table,
  rows,
  loading,
  errorMessage,
  onRetry,
  filtered,
  onClearFilters,
  emptyState,
  skeletonRows,
  virtual,
  onRowClick,
}: DataTableBodyProps<TData>) {
  const columns = table.getVisibleLeafColumns();
  const wide = (content: ReactNode) => (
    <tr>
      <td colSpan={columns.length}>{content}</td>
    </tr>
  );

  if (errorMessage) {
    return wide(<ErrorState size="compact" title="Could not load the rows" message={errorMessage} onRetry={onRetry} />);
  }
  if (loading && rows.length === 0) {
    return (
      <>
        {Array.from({ length: skeletonRows }, (_, index) => (
          <tr key={index} className="h-9">
            {columns.map((column) => (
              <td key={column.id} className="px-3 py-1.5">
                <Skeleton className={cn("h-4", column.id === "__select" ? "w-4" : index % 2 ? "w-2/3" : "w-4/5")} />
              </td>
            ))}
          </tr>
        ))}
      </>
    );
  }
  if (rows.length === 0) {
    if (filtered) {
      return wide(
        <EmptyState
          size="compact"
          icon={<SearchX />}
          title="No matching rows"
          text="Nothing matches the search and filters."
          action={
            <Button size="sm" onClick={onClearFilters}>
              Clear filters
            </Button>
          }
        />,
      );
    }
    return wide(emptyState ?? <EmptyState size="compact" title="No rows yet" text="Rows appear here once they exist." />);
  }
  if (virtual) {
    return (
      <DataTableVirtualRows
        rows={rows}
        onRowClick={onRowClick}
        scrollRef={virtual.scrollRef}
        rowHeight={virtual.rowHeight}
        overscan={virtual.overscan}
        viewportHeight={virtual.height}
        columnCount={columns.length}
      />
    );
  }
  return <DataTableRows rows={rows} onRowClick={onRowClick} />;
}
