import type { Table } from "@tanstack/react-table";
import { Download } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "../primitives/button.tsx";
import { DataTableColumnChooser } from "./data-table-column-chooser.tsx";
import { columnLabel } from "./data-table-export.ts";
import { DataTableSearch } from "./data-table-search.tsx";
import type { DataTableState } from "./data-table-types.ts";

export interface DataTableToolbarProps<TData> {
  table: Table<TData>;
  state: DataTableState;
  onSearch?: (value: string) => void;
  searchPlaceholder?: string;
  searchDebounceMs?: number;
  toolbar?: ReactNode;
  actions?: ReactNode;
  onExport?: () => void;
  exporting?: boolean;
}

/** Search, the columns' filter slots and extra controls on the left; columns, CSV and actions on the right. */
export function DataTableToolbar<TData>({
  table,
  state,
  onSearch,
  searchPlaceholder,
  searchDebounceMs,
  toolbar,
  actions,
  onExport,
  exporting = false,
}: DataTableToolbarProps<TData>) {
  const filterColumns = table.getAllLeafColumns().filter((column) => column.columnDef.meta?.filter);
  return (
    <div className="flex flex-wrap items-center gap-2">
      {onSearch ? (
        <DataTableSearch
          value={state.globalFilter}
          onChange={onSearch}
          placeholder={searchPlaceholder}
          debounceMs={searchDebounceMs}
        />
      ) : null}
      {filterColumns.map((column) => {
        const render = column.columnDef.meta?.filter;
        if (!render) return null;
        return (
          <div key={column.id} data-filter={column.id}>
            {render({
              value: column.getFilterValue(),
              onChange: (value) => column.setFilterValue(value === "" || value === null ? undefined : value),
              label: columnLabel(column),
            })}
          </div>
        );
      })}
      {toolbar}
      <div className="ml-auto flex items-center gap-2">
        <DataTableColumnChooser table={table} />
        {onExport ? (
          <Button onClick={onExport} loading={exporting}>
            {exporting ? null : <Download aria-hidden="true" className="text-muted-foreground" />}
            Export CSV
          </Button>
        ) : null}
        {actions}
      </div>
    </div>
  );
}
