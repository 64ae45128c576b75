import { useOrganization } from "@opsdeck/plugin-sdk/web";
import {
  EmptyState,
  ErrorState,
  formatDate,
  formatMoney,
  LoadingState,
  Pagination,
  Sheet,
  SheetContent,
  SheetDescription,
  SheetHeader,
  SheetTitle,
  useLinkComponent,
} from "@opsdeck/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { SearchX } from "lucide-react";
import { useState } from "react";
import { errorText, useDashboardQueries, type DrilldownView } from "./api.ts";
import type { DrillRequest } from "./drill.ts";

const PAGE = 25;
type Row = DrilldownView["rows"][number];

function detail(row: Row, currency: string): string {
  if (row.entity === "opportunities") {
    const own = row.amount == null ? "no amount" : formatMoney(row.amount, row.currency ?? currency);
    const converted = row.currency !== currency && row.convertedAmount ? ` (${formatMoney(row.convertedAmount, currency)})` : "";
    return `${own}${converted} · ${row.stage?.replace(/_/g, " ")}${row.closedAt ? ` · closed ${formatDate(row.closedAt)}` : ` · created ${formatDate(row.createdAt)}`}`;
  }
  if (row.entity === "leads") {
    return `${row.source ?? "no source"} · created ${formatDate(row.createdAt)}${row.responseMinutes ? ` · answered in ${row.responseMinutes} min` : " · not answered"}`;
  }
  return `${row.type} · ${formatDate(row.occurredAt ?? row.createdAt)}${row.durationMinutes ? ` · ${row.durationMinutes} min` : ""}`;
}

function DrillList({ drill }: { drill: DrillRequest }) {
  const q = useDashboardQueries();
  const { currency } = useOrganization();
  const Link = useLinkComponent();
  const [page, setPage] = useState(0);
  const result = useQuery({
    ...q.kpis.drilldown.queryOptions({
      filters: drill.filters,
      kpi: drill.kpi,
      set: drill.set,
      stage: drill.stage,
      activityType: drill.activityType,
      limit: PAGE,
      offset: page * PAGE,
    }),
    placeholderData: keepPreviousData,
  });
  if (result.isPending) return <LoadingState label="Loading records" />;
  if (result.isError) return <ErrorState size="compact" message={errorText(result.error)} onRetry={() => void result.refetch()} />;
  const data = result.data;
  if (!data.rows.length) return <EmptyState size="compact" icon={<SearchX />} title="No records" text="Nothing is behind this number for these filters." />;
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-muted-foreground">
        {data.total} record{data.total === 1 ? "" : "s"} · as of {formatDate(data.asOf, { withTime: true })}
      </p>
      <ul className="divide-y divide-border rounded-md border border-border">
        {data.rows.map((row) => (
          <li key={row.id} className="flex flex-col gap-0.5 px-3 py-2">
            <Link
              href={`/records/${row.entity}/${row.id}`}
              className="truncate text-sm font-medium text-foreground underline-offset-2 hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
            >
              {row.name}
            </Link>
            <span className="truncate text-xs text-muted-foreground">
              {[row.accountName, row.ownerName ?? "no owner"].filter(Boolean).join(" · ")} · {detail(row, currency)}
            </span>
          </li>
        ))}
      </ul>
      <Pagination pageIndex={page} pageSize={PAGE} totalCount={data.total} onPageChange={setPage} />
    </div>
  );
}

/** The records behind a number, in a side sheet; each opens its record page. */
export function DrilldownSheet({ drill, onClose }: { drill: DrillRequest | null; onClose: () => void }) {
  return (
    <Sheet open={drill !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <SheetContent className="w-full overflow-y-auto sm:max-w-xl">
        {drill ? (
          <>
            <SheetHeader>
              <SheetTitle>{drill.title}</SheetTitle>
              <SheetDescription>
                The records behind this number, {drill.filters.from} – {drill.filters.to}.
              </SheetDescription>
            </SheetHeader>
            <div className="px-4 pb-4">
              <DrillList key={JSON.stringify(drill)} drill={drill} />
            </div>
          </>
        ) : null}
      </SheetContent>
    </Sheet>
  );
}
