import type { ColumnDef, RowSelectionState } from "@tanstack/react-table";
import type { ReactNode } from "react";
import type { DataTableState } from "./data-table-types.ts";

export interface DataTableSelection<TData> {
  ids: string[];
  /** The selected rows this table has seen (rows selected on another server page stay known). */
  rows: TData[];
  clear: () => void;
}

export interface DataTableExportContext {
  state: DataTableState;
  visibleColumnIds: string[];
  selectedIds: string[];
}

export interface DataTableVirtualOptions {
  /** Height of the scrolling area in px (default 560). */
  height?: number;
  /** Row height in px (default 37: rows are one line). */
  rowHeight?: number;
  overscan?: number;
}

export interface DataTableProps<TData> {
  // The table's value type is per column; `any` is what TanStack's own ColumnDef arrays use.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: readonly ColumnDef<TData, any>[];
  /** The rows of the current page (server mode) or all rows (client mode). */
  data: readonly TData[];
  /** A stable id per row: selection survives paging and re-fetching. */
  getRowId: (row: TData) => string;
  /** `server` (default): sort, search, filters and pages are done by the server from `state`. `client`: in the browser. */
  mode?: "server" | "client";
  /** The controlled state; omit to let the table keep its own. */
  state?: DataTableState;
  onStateChange?: (state: DataTableState) => void;
  /** Rows matching the search and filters across all pages (server mode): gives the page count. */
  totalCount?: number;
  loading?: boolean;
  /** A load error: shown in the table with a retry. */
  error?: { message: string } | string | null;
  onRetry?: () => void;
  /** Remembers the visible columns under this key in localStorage (use a unique key per table). */
  storageKey?: string;
  searchable?: boolean;
  searchPlaceholder?: string;
  searchDebounceMs?: number;
  /** Extra controls in the toolbar, left after the search and filters. */
  toolbar?: ReactNode;
  /** Buttons on the right of the toolbar (e.g. "New account"). */
  actions?: ReactNode;
  enableRowSelection?: boolean;
  rowSelection?: RowSelectionState;
  onRowSelectionChange?: (selection: RowSelectionState) => void;
  /** The actions shown while rows are selected. */
  bulkActions?: (selection: DataTableSelection<TData>) => ReactNode;
  /** Shows the CSV button (default true). */
  exportable?: boolean;
  /** Exports on the server (all matching rows); without it the CSV holds the rows in the table. */
  onExport?: (context: DataTableExportContext) => void | Promise<void>;
  exportFileName?: string;
  /** Show pages (default). Off: every row given is shown, usually with virtualization (long client lists). */
  paginated?: boolean;
  /** Render only visible rows; default: on when more than 100 rows are shown. */
  virtualize?: boolean | DataTableVirtualOptions;
  onRowClick?: (row: TData) => void;
  /** Shown when there are no rows and no filter is active. */
  emptyState?: ReactNode;
  pageSizeOptions?: readonly number[];
  /** The table's accessible name. */
  label?: string;
  className?: string;
}
