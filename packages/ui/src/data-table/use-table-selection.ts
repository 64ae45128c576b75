import type { RowSelectionState, Updater } from "@tanstack/react-table";
import { useRef, useState } from "react";
import type { DataTableSelection } from "./data-table-props.ts";

/**
 * Row selection keyed by row id (controlled or not), plus the selected rows themselves: rows selected on a
 * server page that is no longer shown are remembered, so bulk actions get them too.
 */
export function useTableSelection<TData>(
  data: readonly TData[],
  getRowId: (row: TData) => string,
  controlled: RowSelectionState | undefined,
  onChange: ((selection: RowSelectionState) => void) | undefined,
) {
  const [inner, setInner] = useState<RowSelectionState>({});
  const rowSelection = controlled ?? inner;
  const setRowSelection = (updater: Updater<RowSelectionState>) => {
    const next = typeof updater === "function" ? updater(rowSelection) : updater;
    if (!controlled) setInner(next);
    onChange?.(next);
  };

  const seen = useRef(new Map<string, TData>());
  const ids = Object.keys(rowSelection).filter((id) => rowSelection[id]);
  for (const row of data) {
    const id = getRowId(row);
    if (rowSelection[id]) seen.current.set(id, row);
  }
  for (const id of seen.current.keys()) if (!rowSelection[id]) seen.current.delete(id);

  const selection: DataTableSelection<TData> = {
    ids,
    rows: ids.flatMap((id) => {
      const row = seen.current.get(id);
      return row === undefined ? [] : [row];
    }),
    clear: () => setRowSelection({}),
  };
  return { rowSelection, setRowSelection, selection };
}
