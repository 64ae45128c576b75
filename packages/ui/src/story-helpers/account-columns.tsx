import { createColumnHelper } from "@tanstack/react-table";
import { MoreHorizontal } from "lucide-react";
import { formatDate } from "../lib/format/format-date.ts";
import { formatMoney } from "../lib/format/format-money.ts";
import { formatNumber } from "../lib/format/format-number.ts";
import { Badge } from "../primitives/badge.tsx";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "../primitives/dropdown-menu.tsx";
import { IconButton } from "../primitives/icon-button.tsx";
import { Select } from "../primitives/select.tsx";
import type { DemoAccount } from "./fixtures.ts";

const column = createColumnHelper<DemoAccount>();

const STAGE_TONE = { prospect: "info", customer: "success", churned: "neutral" } as const;

/** A toolbar filter that picks one value or "all". */
function selectFilter(options: string[]) {
  return function SelectFilter({ value, onChange, label }: { value: unknown; onChange: (value: unknown) => void; label: string }) {
    return (
      <Select
        aria-label={label}
        className="w-36"
        value={typeof value === "string" ? value : "__all"}
        onValueChange={(next) => onChange(next === "__all" ? undefined : next)}
        options={[{ value: "__all", label: `All ${label.toLowerCase()}s` }, ...options.map((option) => ({ value: option, label: option }))]}
      />
    );
  };
}

/** Columns of the demo accounts table, as a plugin would write them. */
export const accountColumns = [
  column.accessor("name", {
    header: "Account",
    cell: (info) => <span className="font-medium">{info.getValue()}</span>,
    meta: { cellClassName: "max-w-72 truncate" },
  }),
  column.accessor("owner", { header: "Owner" }),
  column.accessor("industry", { header: "Industry", meta: { defaultHidden: true } }),
  column.accessor("region", {
    header: "Region",
    meta: { filter: selectFilter(["EMEA", "NA East", "NA West", "APAC", "LATAM"]) },
  }),
  column.accessor("stage", {
    header: "Stage",
    cell: (info) => (
      <Badge tone={STAGE_TONE[info.getValue()]} className="capitalize">
        {info.getValue()}
      </Badge>
    ),
    meta: { filter: selectFilter(["prospect", "customer", "churned"]) },
  }),
  column.accessor("arr", {
    header: "ARR",
    // Sort by the decimal's value, not alphabetically (client mode; the server sorts numeric columns itself).
    sortingFn: (a, b) => Number(a.original.arr) - Number(b.original.arr),
    cell: (info) => formatMoney(info.getValue(), "USD", "en-US"),
    meta: { align: "right", label: "ARR (USD)" },
  }),
  column.accessor("openDeals", {
    header: "Open deals",
    cell: (info) => formatNumber(info.getValue()),
    meta: { align: "right" },
  }),
  column.accessor("lastActivity", {
    header: "Last activity",
    cell: (info) => formatDate(info.getValue(), { locale: "en-US" }),
  }),
  column.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    cell: (info) => (
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <IconButton
            label={`Actions for ${info.row.original.name}`}
            icon={<MoreHorizontal />}
            size="sm"
            tooltip={false}
            onClick={(event) => event.stopPropagation()}
          />
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          <DropdownMenuItem>Open</DropdownMenuItem>
          <DropdownMenuItem>Reassign</DropdownMenuItem>
          <DropdownMenuItem destructive>Delete</DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    ),
    meta: { exportable: false, align: "right", cellClassName: "w-12 py-0" },
    enableHiding: false,
  }),
];
