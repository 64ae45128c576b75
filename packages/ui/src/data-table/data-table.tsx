import {
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type Updater,
  type VisibilityState,
} from "@tanstack/react-table";
import { useMemo, useRef, useState } from "react";
import { Pagination } from "../data/pagination.tsx";
import { cn } from "../lib/cn.ts";
import { downloadCsv } from "../lib/csv.ts";
import { formatNumber } from "../lib/format/format-number.ts";
import { Progress } from "../primitives/progress.tsx";
import { DataTableBody } from "./data-table-body.tsx";
import { DataTableBulkBar } from "./data-table-bulk-bar.tsx";
import { tableToCsv } from "./data-table-export.ts";
import { DataTableHeaderCell } from "./data-table-header-cell.tsx";
import type { DataTableProps } from "./data-table-props.ts";
import { selectionColumn } from "./data-table-selection.tsx";
import { DataTableToolbar } from "./data-table-toolbar.tsx";
import { createDataTableState, type DataTableState } from "./data-table-types.ts";
import { useColumnVisibility } from "./use-column-visibility.ts";
import { useTableSelection } from "./use-table-selection.ts";

const VIRTUAL_THRESHOLD = 100;

/** A data table on TanStack Table: server-side sort/search/filters/pages, column chooser, selection, CSV, virtual rows. */
export function DataTable<TData>(props: DataTableProps<TData>) {
  const {
    columns,
    data,
    getRowId,
    mode = "server",
    totalCount,
    loading = false,
    storageKey,
    enableRowSelection = false,
    exportable = true,
    onExport,
    paginated = true,
    pageSizeOptions = [25, 50, 100],
  } = props;
  const server = mode === "server";

  // State: controlled when `state` is given, else kept here.
  const [innerState, setInnerState] = useState(() => props.state ?? createDataTableState());
  const state = props.state ?? innerState;
  const setState = (next: DataTableState) => {
    if (!props.state) setInnerState(next);
    props.onStateChange?.(next);
  };
  // Sorting, searching or filtering changes which rows exist: go back to the first page.
  const apply = <K extends keyof DataTableState>(key: K, updater: Updater<DataTableState[K]>, resetPage: boolean) => {
    const value = typeof updater === "function" ? updater(state[key]) : updater;
    const next = { ...state, [key]: value };
    if (resetPage) next.pagination = { ...next.pagination, pageIndex: 0 };
    setState(next);
  };

  const { rowSelection, setRowSelection, selection } = useTableSelection(
    data,
    getRowId,
    props.rowSelection,
    props.onRowSelectionChange,
  );

  const defaultVisibility = useMemo(() => {
    const hidden: VisibilityState = {};
    for (const column of columns) {
      const id = column.id ?? ("accessorKey" in column ? String(column.accessorKey) : undefined);
      if (id && column.meta?.defaultHidden) hidden[id] = false;
    }
    return hidden;
  }, [columns]);
  const [columnVisibility, setColumnVisibility] = useColumnVisibility(storageKey, defaultVisibility);

  const allColumns = useMemo(
    () => (enableRowSelection ? [selectionColumn<TData>(), ...columns] : [...columns]),
    [columns, enableRowSelection],
  );

  const table = useReactTable<TData>({
    data: data as TData[],
    columns: allColumns,
    getRowId: (row) => getRowId(row),
    state: { ...state, columnVisibility, rowSelection },
    manualSorting: server,
    manualFiltering: server,
    manualPagination: server,
    rowCount: server ? totalCount : undefined,
    enableRowSelection,
    onSortingChange: (updater) => apply("sorting", updater, true),
    // TanStack types the global filter as any; ours is the search text.
    onGlobalFilterChange: (updater: Updater<string>) => apply("globalFilter", updater, true),
    onColumnFiltersChange: (updater) => apply("columnFilters", updater, true),
    onPaginationChange: (updater) => apply("pagination", updater, false),
    onColumnVisibilityChange: setColumnVisibility,
    onRowSelectionChange: setRowSelection,
    getCoreRowModel: getCoreRowModel(),
    ...(server
      ? {}
      : {
          getSortedRowModel: getSortedRowModel(),
          getFilteredRowModel: getFilteredRowModel(),
          ...(paginated ? { getPaginationRowModel: getPaginationRowModel() } : {}),
        }),
  });

  const [exporting, setExporting] = useState(false);
  const exportCsv = async () => {
    if (onExport) {
      setExporting(true);
      try {
        await onExport({
          state,
          visibleColumnIds: table
            .getVisibleLeafColumns()
            .map((column) => column.id)
            .filter((id) => id !== "__select"),
          selectedIds: selection.ids,
        });
      } finally {
        setExporting(false);
      }
      return;
    }
    // In the browser: every row passing the search and filters (client mode), or the rows shown (server mode).
    const rows = server ? table.getRowModel().rows : table.getPrePaginationRowModel().rows;
    downloadCsv(props.exportFileName ?? storageKey ?? "export", tableToCsv(table, rows));
  };

  const rows = table.getRowModel().rows;
  const errorMessage = !props.error ? null : typeof props.error === "string" ? props.error : props.error.message;
  const virtualOptions = typeof props.virtualize === "object" ? props.virtualize : {};
  const virtual = props.virtualize === undefined ? rows.length > VIRTUAL_THRESHOLD : props.virtualize !== false;
  const viewportHeight = virtualOptions.height ?? 560;
  const scrollRef = useRef<HTMLDivElement>(null);
  const refreshing = loading && rows.length > 0;
  const { pagination } = state;

  return (
    <div className={cn("flex flex-col gap-3", props.className)}>
      <DataTableToolbar
        table={table}
        state={state}
        onSearch={props.searchable === false ? undefined : (value) => apply("globalFilter", value, true)}
        searchPlaceholder={props.searchPlaceholder}
        searchDebounceMs={props.searchDebounceMs}
        toolbar={props.toolbar}
        actions={props.actions}
        onExport={exportable ? () => void exportCsv() : undefined}
        exporting={exporting}
      />
      {enableRowSelection && selection.ids.length > 0 ? (
        <DataTableBulkBar count={selection.ids.length} onClear={selection.clear}>
          {props.bulkActions?.(selection)}
        </DataTableBulkBar>
      ) : null}
      <div className="relative overflow-hidden rounded-lg border border-border bg-card">
        {refreshing ? (
          <Progress size="sm" label="Loading rows" className="absolute inset-x-0 top-0 z-20 rounded-none bg-transparent" />
        ) : null}
        <div
          ref={scrollRef}
          className={cn("overflow-auto", virtual && "overscroll-contain")}
          style={virtual ? { maxHeight: viewportHeight } : undefined}
        >
          <table
            aria-label={props.label}
            aria-busy={loading || undefined}
            aria-rowcount={virtual ? rows.length + 1 : undefined}
            className={cn("w-full border-separate border-spacing-0 text-sm", refreshing && "opacity-60")}
          >
            {/* Separate borders: collapsed ones scroll away from a sticky header. */}
            <thead className="sticky top-0 z-10 bg-muted/60 backdrop-blur">
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id} aria-rowindex={virtual ? 1 : undefined}>
                  {group.headers.map((header) => (
                    <DataTableHeaderCell key={header.id} header={header} />
                  ))}
                </tr>
              ))}
            </thead>
            <tbody className="[&>tr:last-child>td]:border-b-0 [&>tr>td]:border-b [&>tr>td]:border-border">
              <DataTableBody
                table={table}
                rows={rows}
                loading={loading}
                errorMessage={errorMessage}
                onRetry={props.onRetry}
                filtered={state.globalFilter !== "" || state.columnFilters.length > 0}
                onClearFilters={() =>
                  setState({ ...state, globalFilter: "", columnFilters: [], pagination: { ...pagination, pageIndex: 0 } })
                }
                emptyState={props.emptyState}
                skeletonRows={Math.min(pagination.pageSize, 8)}
                virtual={
                  virtual
                    ? {
                        scrollRef,
                        rowHeight: virtualOptions.rowHeight ?? 37,
                        overscan: virtualOptions.overscan ?? 10,
                        height: viewportHeight,
                      }
                    : null
                }
                onRowClick={props.onRowClick}
              />
            </tbody>
          </table>
        </div>
      </div>
      {!errorMessage && !paginated && rows.length > 0 ? (
        <p className="text-sm text-muted-foreground tabular-nums" aria-live="polite">
          {formatNumber(rows.length)} {rows.length === 1 ? "row" : "rows"}
        </p>
      ) : null}
      {/* No page range before the first page arrives: "rows 1–25" of nothing would be a lie. */}
      {errorMessage || !paginated || (loading && rows.length === 0) ? null : (
        <Pagination
          pageIndex={pagination.pageIndex}
          pageSize={pagination.pageSize}
          totalCount={server ? totalCount : table.getPrePaginationRowModel().rows.length}
          hasNextPage={data.length >= pagination.pageSize}
          onPageChange={(pageIndex) => apply("pagination", { ...pagination, pageIndex }, false)}
          onPageSizeChange={(pageSize) => apply("pagination", { pageIndex: 0, pageSize }, false)}
          pageSizeOptions={pageSizeOptions}
        />
      )}
    </div>
  );
}
