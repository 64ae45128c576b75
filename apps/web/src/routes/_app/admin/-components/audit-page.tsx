import {
  DataTable,
  DateRangePicker,
  Pagination,
  Select,
  Sheet,
  SheetContent,
  SheetDescription,
  SheetHeader,
  SheetTitle,
  createColumnHelper,
  formatDate,
} from "@opsdeck/ui";
import { useOrganization } from "@opsdeck/plugin-sdk/web";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { Page } from "../../../../components/page.tsx";
import { errorMessage } from "../../../../lib/http.ts";
import { fromIsoDay, toIsoDay } from "../../../../lib/iso-date.ts";
import { trpc, type CoreOutputs } from "../../../../lib/trpc.ts";
import { AUDIT_ENTITY_TYPES, AUDIT_PAGE_SIZE, auditInput, type AuditFilters } from "./audit-query.ts";

type Entry = CoreOutputs["audit"]["list"]["rows"][number];
const column = createColumnHelper<Entry>();

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <section className="flex flex-col gap-1">
      <h3 className="text-xs font-semibold text-muted-foreground">{label}</h3>
      <pre className="max-h-80 overflow-auto rounded-md border border-border bg-muted p-2 font-mono text-xs whitespace-pre-wrap">{JSON.stringify(value, null, 2)}</pre>
    </section>
  );
}

/** Who did what and when: filter by person, kind of record and days (all in the URL), open an entry for before/after. */
export function AuditPage() {
  const search = useSearch({ from: "/_app/admin/audit" });
  const navigate = useNavigate({ from: "/admin/audit" });
  const organization = useOrganization();
  const [open, setOpen] = useState<Entry | null>(null);
  const log = useQuery({ ...trpc.audit.list.queryOptions(auditInput(search)), placeholderData: keepPreviousData });
  const members = useQuery(trpc.users.list.queryOptions({ includeDeactivated: true, limit: 500 }));
  const names = useMemo(() => new Map((members.data ?? []).map((m) => [m.userId, m.name])), [members.data]);
  const setFilters = (patch: Partial<AuditFilters>) => void navigate({ search: (s) => ({ ...s, ...patch, page: patch.page ?? 0 }) });
  const from = fromIsoDay(search.from);
  const to = fromIsoDay(search.to);

  const columns = useMemo(
    () => [
      column.accessor("at", { header: "When", cell: ({ getValue }) => formatDate(getValue(), { withTime: true }) }),
      column.accessor("actorUserId", { header: "Who", cell: ({ getValue }) => (getValue() ? (names.get(getValue()!) ?? "Unknown user") : "System"), meta: { exportValue: (e) => (e.actorUserId ? (names.get(e.actorUserId) ?? e.actorUserId) : "System") } }),
      column.accessor("action", { header: "Action", cell: ({ getValue }) => <span className="font-mono text-xs">{getValue()}</span> }),
      column.accessor("entityType", { header: "Record", cell: ({ row }) => <span>{row.original.entityType}</span> }),
      column.accessor("entityId", { header: "Record id", cell: ({ getValue }) => <span className="font-mono text-xs text-muted-foreground">{getValue() ?? "—"}</span> }),
    ],
    [names],
  );

  return (
    <Page title="Audit log" description={`Every change made in ${organization.name}, newest first. Open an entry to see the record before and after.`}>
      <DataTable
        label="Audit log"
        mode="client"
        paginated={false}
        virtualize={false}
        searchable={false}
        columns={columns}
        data={log.data?.rows ?? []}
        loading={log.isPending}
        error={log.error ? errorMessage(log.error) : null}
        onRetry={() => void log.refetch()}
        getRowId={(e) => String(e.id)}
        onRowClick={setOpen}
        storageKey="opsdeck.admin.audit"
        exportFileName="audit-log"
        toolbar={
          <>
            <Select
              size="sm"
              className="w-48"
              aria-label="Filter by user"
              options={[{ value: "any", label: "Anyone" }, ...(members.data ?? []).map((m) => ({ value: m.userId, label: m.name }))]}
              value={search.actor ?? "any"}
              onValueChange={(actor) => setFilters({ actor: actor === "any" ? undefined : actor })}
            />
            <Select
              size="sm"
              className="w-40"
              aria-label="Filter by record"
              options={[{ value: "any", label: "Any record" }, ...AUDIT_ENTITY_TYPES.map((t) => ({ value: t, label: t }))]}
              value={search.entity ?? "any"}
              onValueChange={(entity) => setFilters({ entity: entity === "any" ? undefined : entity, entityId: undefined })}
            />
            <DateRangePicker
              aria-label="Dates"
              placeholder="Any date"
              clearable
              fiscalYearStartMonth={organization.fiscalYearStartMonth}
              value={from && to ? { from, to } : undefined}
              onChange={(range) => setFilters({ from: range ? toIsoDay(range.from) : undefined, to: range ? toIsoDay(range.to) : undefined })}
            />
          </>
        }
      />
      <Pagination
        pageIndex={search.page}
        pageSize={AUDIT_PAGE_SIZE}
        hasNextPage={log.data?.hasMore ?? false}
        onPageChange={(page) => setFilters({ page })}
      />
      <Sheet open={open !== null} onOpenChange={(next) => (next ? null : setOpen(null))}>
        <SheetContent>
          {open ? (
            <>
              <SheetHeader>
                <SheetTitle className="font-mono text-sm">{open.action}</SheetTitle>
                <SheetDescription>
                  {formatDate(open.at, { style: "long", withTime: true })} by {open.actorUserId ? (names.get(open.actorUserId) ?? open.actorUserId) : "the system"}
                </SheetDescription>
              </SheetHeader>
              <div className="flex flex-col gap-3 overflow-y-auto p-4">
                <p className="text-sm">
                  {open.entityType} <span className="font-mono text-xs text-muted-foreground">{open.entityId}</span>
                </p>
                <JsonBlock label="Before" value={open.before} />
                <JsonBlock label="After" value={open.after} />
              </div>
            </>
          ) : null}
        </SheetContent>
      </Sheet>
    </Page>
  );
}
