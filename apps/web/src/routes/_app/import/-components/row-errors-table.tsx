import { DataTable, createColumnHelper } from "@opsdeck/ui";
import { useMemo } from "react";
import type { RowError } from "@opsdeck/core";

const column = createColumnHelper<RowError>();

/** Problems by row: the row number as in the file (the header is row 0), the column, the value, why. */
export function RowErrorsTable({ errors, fileName }: { errors: readonly RowError[]; fileName: string }) {
  const columns = useMemo(
    () => [
      column.accessor("row", { header: "Row", meta: { align: "right" as const } }),
      column.accessor("column", { header: "Column", cell: ({ getValue }) => getValue() ?? "(whole row)" }),
      column.accessor("value", { header: "Value", cell: ({ getValue }) => <span className="font-mono text-xs">{getValue() ?? ""}</span> }),
      column.accessor("message", { header: "Problem", cell: ({ getValue }) => <span className="text-destructive">{getValue()}</span> }),
    ],
    [],
  );
  return (
    <DataTable
      label="Row errors"
      mode="client"
      columns={columns}
      data={errors}
      getRowId={(e) => `${e.row}:${e.column ?? ""}:${e.message}`}
      searchPlaceholder="Search the problems…"
      exportFileName={fileName}
      pageSizeOptions={[10, 25, 100]}
    />
  );
}
