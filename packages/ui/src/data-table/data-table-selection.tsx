import type { ColumnDef } from "@tanstack/react-table";
import { Checkbox } from "../primitives/checkbox.tsx";

/** The checkbox column the table prepends when row selection is on; the header box selects the page. */
export function selectionColumn<TData>(): ColumnDef<TData> {
  return {
    id: "__select",
    enableSorting: false,
    enableHiding: false,
    meta: { exportable: false, label: "Select" },
    header: ({ table }) => (
      <Checkbox
        aria-label="Select all rows on this page"
        checked={
          table.getIsAllPageRowsSelected() ? true : table.getIsSomePageRowsSelected() ? "indeterminate" : false
        }
        onCheckedChange={(checked) => table.toggleAllPageRowsSelected(checked === true)}
      />
    ),
    cell: ({ row }) => (
      <Checkbox
        aria-label="Select row"
        checked={row.getIsSelected()}
        disabled={!row.getCanSelect()}
        onClick={(event) => event.stopPropagation()}
        onCheckedChange={(checked) => row.toggleSelected(checked === true)}
      />
    ),
  };
}
