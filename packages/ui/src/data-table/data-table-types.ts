import type {
  ColumnFiltersState,
  PaginationState,
  RowData,
  SortingState,
  VisibilityState,
} from "@tanstack/react-table";
import type { ReactNode } from "react";
import type { CsvCell } from "../lib/csv.ts";

/** Everything the server needs to answer a page: sort, search, column filters, page. */
export interface DataTableState {
  sorting: SortingState;
  globalFilter: string;
  columnFilters: ColumnFiltersState;
  pagination: PaginationState;
}

/** A fresh table state (first page, no sort, no filter), with overrides. */
export function createDataTableState(overrides: Partial<DataTableState> = {}): DataTableState {
  return {
    sorting: [],
    globalFilter: "",
    columnFilters: [],
    pagination: { pageIndex: 0, pageSize: 25 },
    ...overrides,
  };
}

/** What a column filter slot receives. */
export interface DataTableFilterProps {
  /** The column's current filter value (undefined when unfiltered). */
  value: unknown;
  /** Sets the filter value; undefined or "" removes the filter. */
  onChange: (value: unknown) => void;
  label: string;
}

declare module "@tanstack/react-table" {
  // Declaration merging must repeat TanStack's type parameters even where they are unused.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The column's name in the column chooser and the CSV header (when `header` is not a string). */
    label?: string;
    /** Numbers and money align right. */
    align?: "left" | "right" | "center";
    /** The value written to CSV (default: the accessor's value). */
    exportValue?: (row: TData) => CsvCell;
    /** Set false to leave a column (actions, avatars) out of the CSV. */
    exportable?: boolean;
    /** A filter control shown in the toolbar, bound to this column's entry in `columnFilters`. */
    filter?: (props: DataTableFilterProps) => ReactNode;
    /** Hidden until the user shows it in the column chooser. */
    defaultHidden?: boolean;
    headerClassName?: string;
    cellClassName?: string;
  }
}

export type { VisibilityState };
