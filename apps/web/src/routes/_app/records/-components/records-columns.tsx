import { Badge, createColumnHelper, formatDate, formatMoney, formatNumber, type ColumnDef } from "@opsdeck/ui";
import { Link } from "@tanstack/react-router";
import type { SearchableEntity } from "../../../../shell/record-label.ts";

export type RecordRow = Record<string, unknown> & { id: string };
const column = createColumnHelper<RecordRow>();

const text = (v: unknown) => (typeof v === "string" && v ? v : "—");
const day = (v: unknown) => (v ? formatDate(v as string) : "—");
const STAGES: Record<string, string> = {
  prospecting: "Prospecting",
  qualification: "Qualification",
  needs_analysis: "Needs analysis",
  proposal: "Proposal",
  negotiation: "Negotiation",
  closed_won: "Closed won",
  closed_lost: "Closed lost",
};

function NameLink({ entity, row, label }: { entity: SearchableEntity; row: RecordRow; label: string }) {
  return (
    <Link to="/records/$entity/$recordId" params={{ entity, recordId: row.id }} className="font-medium text-foreground underline-offset-4 hover:underline" onClick={(e) => e.stopPropagation()}>
      {label}
    </Link>
  );
}

const personName = (row: RecordRow) => [row.firstName, row.lastName].filter((v) => typeof v === "string" && v).join(" ") || text(row.email);

/** The owner column: a member's name from the id (in the cell: the table caches accessor values per row). */
function ownerColumn(owners: ReadonlyMap<string, string>) {
  const name = (r: RecordRow) => (typeof r.ownerId === "string" ? (owners.get(r.ownerId) ?? "") : "");
  return column.accessor((r) => r.ownerId as string | null, {
    id: "ownerId",
    header: "Owner",
    enableSorting: false,
    cell: ({ row }) => name(row.original) || "—",
    meta: { exportValue: name },
  });
}

/** The columns of each records browser; ids are the fields the server sorts by. */
export function recordColumns(entity: SearchableEntity, owners: ReadonlyMap<string, string>, currency: string): ColumnDef<RecordRow, unknown>[] {
  const created = column.accessor((r) => r.createdAt as string, { id: "createdAt", header: "Created", cell: ({ getValue }) => day(getValue()) });
  const external = column.accessor((r) => r.externalId as string | null, { id: "externalId", header: "External id", cell: ({ getValue }) => text(getValue()), meta: { defaultHidden: true } });
  const columns: Record<SearchableEntity, ColumnDef<RecordRow, unknown>[]> = {
    accounts: [
      column.accessor((r) => r.name as string, { id: "name", header: "Name", cell: ({ row, getValue }) => <NameLink entity="accounts" row={row.original} label={getValue()} /> }),
      column.accessor((r) => r.domain as string | null, { id: "domain", header: "Domain", cell: ({ getValue }) => text(getValue()) }),
      column.accessor((r) => r.industry as string | null, { id: "industry", header: "Industry", cell: ({ getValue }) => text(getValue()) }),
      column.accessor((r) => r.employees as number | null, { id: "employees", header: "Employees", cell: ({ getValue }) => (getValue() == null ? "—" : formatNumber(getValue())), meta: { align: "right" } }),
      column.accessor((r) => r.annualRevenue as string | null, { id: "annualRevenue", header: "Annual revenue", cell: ({ getValue }) => (getValue() ? formatMoney(getValue(), currency) : "—"), meta: { align: "right" } }),
      column.accessor((r) => r.country as string | null, { id: "country", header: "Country", cell: ({ getValue }) => text(getValue()) }),
      ownerColumn(owners),
      created,
      external,
    ],
    contacts: [
      column.accessor((r) => personName(r), { id: "lastName", header: "Name", cell: ({ row, getValue }) => <NameLink entity="contacts" row={row.original} label={getValue()} /> }),
      column.accessor((r) => r.email as string | null, { id: "email", header: "Email", cell: ({ getValue }) => text(getValue()) }),
      column.accessor((r) => r.title as string | null, { id: "title", header: "Title", cell: ({ getValue }) => text(getValue()) }),
      column.accessor((r) => r.phone as string | null, { id: "phone", header: "Phone", cell: ({ getValue }) => text(getValue()), meta: { defaultHidden: true } }),
      column.accessor((r) => r.country as string | null, { id: "country", header: "Country", cell: ({ getValue }) => text(getValue()) }),
      ownerColumn(owners),
      created,
      external,
    ],
    leads: [
      column.accessor((r) => personName(r), { id: "lastName", header: "Name", cell: ({ row, getValue }) => <NameLink entity="leads" row={row.original} label={getValue()} /> }),
      column.accessor((r) => r.company as string | null, { id: "company", header: "Company", cell: ({ getValue }) => text(getValue()) }),
      column.accessor((r) => r.email as string | null, { id: "email", header: "Email", cell: ({ getValue }) => text(getValue()) }),
      column.accessor((r) => r.status as string, { id: "status", header: "Status", cell: ({ getValue }) => <Badge tone="neutral">{getValue()}</Badge> }),
      column.accessor((r) => r.source as string | null, { id: "source", header: "Source", cell: ({ getValue }) => text(getValue()) }),
      ownerColumn(owners),
      created,
      external,
    ],
    opportunities: [
      column.accessor((r) => r.name as string, { id: "name", header: "Name", cell: ({ row, getValue }) => <NameLink entity="opportunities" row={row.original} label={getValue()} /> }),
      column.accessor((r) => r.stage as string, {
        id: "stage",
        header: "Stage",
        cell: ({ row, getValue }) => <Badge tone={row.original.isWon ? "success" : row.original.isClosed ? "neutral" : "info"}>{STAGES[getValue()] ?? getValue()}</Badge>,
      }),
      column.accessor((r) => r.amount as string | null, {
        id: "amount",
        header: "Amount",
        cell: ({ row, getValue }) => (getValue() ? formatMoney(getValue(), (row.original.currency as string) || currency) : "—"),
        meta: { align: "right", exportValue: (r) => (r.amount as string | null) ?? "" },
      }),
      column.accessor((r) => r.probability as number | null, { id: "probability", header: "Probability", cell: ({ getValue }) => (getValue() == null ? "—" : `${getValue()}%`), meta: { align: "right" } }),
      column.accessor((r) => r.closeDate as string | null, { id: "closeDate", header: "Close date", cell: ({ getValue }) => day(getValue()) }),
      ownerColumn(owners),
      created,
      external,
    ],
  };
  return columns[entity];
}
