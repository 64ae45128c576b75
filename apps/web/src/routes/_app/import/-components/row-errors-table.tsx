import { DataTable, createColumnHelper } from "@opsdeck/ui";
import { useMemo } from "react";
import type { RowError } from "@opsdeck/core";

const column = createColumnHelper<RowError>();

/**
 * Problems by row: the row number as in the file (the header is row 0), the column, the value, why. Errors
 * keep a row out; warnings (a plugin's validation rule set to warn) let it in and say what to look at.
 */
export function RowErrorsTable({ errors, fileName, tone = "error" }: { errors: readonly RowError[]; fileName: string; tone?: "error" | "warning" }) {
  const columns = useMemo(
    () => [
      column.accessor("row", { header: "Row", meta: { align: "right" as const } }),
      column.accessor("column", { header: "Column", cell: ({ getValue }) => getValue() ?? "(whole row)" }),
      column.accessor("value", { header: "Value", cell: ({ getValue }) => <span className="font-mono text-xs">{getValue() ?? ""}</span> }),
      column.accessor("message", {
        header: tone === "error" ? "Problem" : "Warning",
        cell: ({ getValue }) => <span className={tone === "error" ? "text-destructive" : "text-warning"}>{getValue()}</span>,
      }),
    ],
    [tone],
  );
  return (
    <DataTable
      label={tone === "error" ? "Row errors" : "Row warnings"}
      mode="client"
      columns={columns}
      data={errors}
      getRowId={(e) => `${e.row}:${e.column ?? ""}:${e.message}`}
      searchPlaceholder={tone === "error" ? "Search the problems…" : "Search the warnings…"}
      exportFileName={fileName}
      pageSizeOptions={[10, 25, 100]}
    />
  );
}
