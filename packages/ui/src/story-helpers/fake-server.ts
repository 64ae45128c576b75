import { useEffect, useState } from "react";
import type { DataTableState } from "../data-table/data-table-types.ts";
import type { DemoAccount } from "./fixtures.ts";

/** What a tRPC list procedure would do with the table state: filter, sort, count, slice. */
export function queryAccounts(all: readonly DemoAccount[], state: DataTableState): { rows: DemoAccount[]; total: number } {
  const search = state.globalFilter.trim().toLowerCase();
  let rows = all.filter(
    (row) => !search || row.name.toLowerCase().includes(search) || row.owner.toLowerCase().includes(search),
  );
  for (const filter of state.columnFilters) {
    rows = rows.filter((row) => row[filter.id as keyof DemoAccount] === filter.value);
  }
  const sort = state.sorting[0];
  if (sort) {
    const key = sort.id as keyof DemoAccount;
    rows = [...rows].sort((a, b) => {
      const left = a[key];
      const right = b[key];
      const order = key === "arr" ? Number(left) - Number(right) : String(left).localeCompare(String(right), undefined, { numeric: true });
      return sort.desc ? -order : order;
    });
  }
  const { pageIndex, pageSize } = state.pagination;
  return { rows: rows.slice(pageIndex * pageSize, (pageIndex + 1) * pageSize), total: rows.length };
}

/** A fake server round trip with latency, for stories. */
export function useFakeServer(all: readonly DemoAccount[], state: DataTableState, latencyMs = 350) {
  const [result, setResult] = useState<{ rows: DemoAccount[]; total: number } | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    setLoading(true);
    const timer = setTimeout(() => {
      setResult(queryAccounts(all, state));
      setLoading(false);
    }, latencyMs);
    return () => clearTimeout(timer);
  }, [all, state, latencyMs]);
  return { rows: result?.rows ?? [], total: result?.total, loading };
}
