import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  cn,
  createColumnHelper,
  createDataTableState,
  DataTable,
  EmptyState,
  ErrorState,
  LoadingState,
  PageHeader,
  useLinkComponent,
  type DataTableState,
} from "@opsdeck/ui";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ENTITY_LABELS, errorText, recordHref, useHygieneQueries } from "./api.ts";

interface AuditRow {
  id: string;
  entity: string;
  label: string | null;
  ownerName: string | null;
  lastActivity: string | null;
}

const col = createColumnHelper<AuditRow>();
const KIND_LABELS: Record<string, string> = {
  missing: "Missing fields",
  stale: "Stale records",
  orphan: "Contacts without account",
  overdue: "Past close date",
  owner: "Owners",
  rule: "Validation rules",
};

/** Audits: each check with its count at the latest scan; pick one to list its records now. */
export function AuditsPage() {
  const q = useHygieneQueries();
  const Link = useLinkComponent();
  const navigate = useNavigate();
  const search: { check?: string } = useSearch({ strict: false });
  const [table, setTable] = useState<DataTableState>(() => createDataTableState());
  const audits = useQuery(q.quality.audits.queryOptions());
  const check = search.check ?? audits.data?.audits.find((a) => a.count > 0)?.id;
  const records = useQuery({
    ...q.quality.auditRecords.queryOptions({
      check: check ?? "",
      limit: table.pagination.pageSize,
      offset: table.pagination.pageIndex * table.pagination.pageSize,
    }),
    enabled: Boolean(check),
    placeholderData: keepPreviousData,
  });
  const header = (
    <PageHeader title="Audits" description={audits.data?.day ? `Counts as of the scan of ${audits.data.day}; the lists are live.` : "Checks run on every record by the daily scan."} />
  );
  if (audits.isPending) return <div className="space-y-6">{header}<LoadingState label="Loading audits" /></div>;
  if (audits.isError) return <div className="space-y-6">{header}<ErrorState message={errorText(audits.error)} onRetry={() => void audits.refetch()} /></div>;
  const groups = new Map<string, typeof audits.data.audits>();
  for (const a of audits.data.audits) groups.set(a.kind, [...(groups.get(a.kind) ?? []), a]);
  const selected = audits.data.audits.find((a) => a.id === check);
  const columns = [
    col.accessor("label", {
      header: "Record",
      enableSorting: false,
      cell: (c) => (
        <Link href={recordHref(c.row.original.entity, c.row.original.id)} className="font-medium text-primary hover:underline focus-visible:underline">
          {c.getValue() ?? "(no name)"}
        </Link>
      ),
    }),
    col.accessor("ownerName", { header: "Owner", enableSorting: false, cell: (c) => c.getValue() ?? "—" }),
    col.accessor("lastActivity", {
      header: "Last activity",
      enableSorting: false,
      cell: (c) => (c.getValue() ? new Date(c.getValue()!).toLocaleDateString() : "—"),
    }),
  ];
  return (
    <div className="space-y-6">
      {header}
      <div className="grid gap-6 lg:grid-cols-[20rem_1fr]">
        <nav aria-label="Audits" className="space-y-4">
          {[...groups].map(([kind, list]) => (
            <section key={kind}>
              <h2 className="mb-1 px-3 text-xs font-medium uppercase tracking-wide text-muted-foreground">{KIND_LABELS[kind] ?? kind}</h2>
              <ul>
                {list.map((a) => (
                  <li key={a.id}>
                    <button
                      type="button"
                      aria-current={a.id === check ? "true" : undefined}
                      onClick={() => {
                        setTable(createDataTableState());
                        void navigate({ to: ".", search: { check: a.id } } as never);
                      }}
                      className={cn(
                        "flex w-full items-center justify-between gap-2 rounded-md px-3 py-1.5 text-left text-sm outline-none focus-visible:ring-2 focus-visible:ring-ring",
                        a.id === check ? "bg-muted font-medium" : "hover:bg-muted/60",
                      )}
                    >
                      <span className="min-w-0 truncate">{a.label}</span>
                      <span className={cn("tabular-nums", a.count ? "text-foreground" : "text-muted-foreground")}>{a.count.toLocaleString()}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </nav>
        <Card>
          <CardHeader>
            <CardTitle>{selected?.label ?? "Pick an audit"}</CardTitle>
            <CardDescription>{selected?.entity ? `${ENTITY_LABELS[selected.entity]} failing this check now.` : "Its records are listed here."}</CardDescription>
          </CardHeader>
          <CardContent>
            {check ? (
              <DataTable
                label={selected?.label ?? "Records"}
                columns={columns}
                data={records.data?.rows ?? []}
                totalCount={records.data?.total ?? 0}
                loading={records.isPending}
                error={records.isError ? errorText(records.error) : null}
                getRowId={(r) => r.id}
                state={table}
                onStateChange={setTable}
                searchable={false}
                emptyState={<EmptyState size="compact" title="All clear" text="No record fails this check now." />}
              />
            ) : (
              <EmptyState size="compact" title="Nothing to audit" text="Every check passes." />
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
