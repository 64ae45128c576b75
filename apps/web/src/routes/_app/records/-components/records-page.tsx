import { useOrganization, usePermissions } from "@opsdeck/plugin-sdk/web";
import { Button, DataTable, EmptyState, createDataTableState, toast, type DataTableState } from "@opsdeck/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { Inbox, Upload } from "lucide-react";
import { useMemo } from "react";
import { Page } from "../../../../components/page.tsx";
import { errorMessage } from "../../../../lib/http.ts";
import { trpc } from "../../../../lib/trpc.ts";
import { exportRecords } from "./export-records.ts";
import { recordColumns, type RecordRow } from "./records-columns.tsx";
import { recordsInput, type RecordsSearch } from "./records-query.ts";

const TITLES = { accounts: "Accounts", contacts: "Contacts", leads: "Leads", opportunities: "Opportunities" } as const;

/** A records browser: search, sort and pages run on the server and live in the URL; CSV export of all matches. */
export function RecordsPage() {
  const { entity } = useParams({ from: "/_app/records/$entity/" });
  const search = useSearch({ from: "/_app/records/$entity/" });
  const navigate = useNavigate({ from: "/records/$entity/" });
  const organization = useOrganization();
  const { has } = usePermissions();
  const list = useQuery({ ...trpc.records.list.queryOptions(recordsInput(entity, search)), placeholderData: keepPreviousData });
  const members = useQuery({ ...trpc.users.list.queryOptions({ includeDeactivated: true, limit: 500 }), enabled: has("core.users.read") });
  const owners = useMemo(() => new Map((members.data ?? []).map((m) => [m.userId, m.name])), [members.data]);
  const columns = useMemo(() => recordColumns(entity, owners, organization.currency), [entity, owners, organization.currency]);

  const state: DataTableState = createDataTableState({
    globalFilter: search.q ?? "",
    sorting: search.sort ? [{ id: search.sort, desc: search.dir !== "asc" }] : [],
    pagination: { pageIndex: search.page, pageSize: search.size },
  });
  const onStateChange = (next: DataTableState) => {
    const sort = next.sorting[0];
    const patch: RecordsSearch = {
      q: next.globalFilter || undefined,
      sort: sort?.id,
      dir: sort ? (sort.desc ? "desc" : "asc") : undefined,
      page: next.pagination.pageIndex,
      size: next.pagination.pageSize as RecordsSearch["size"],
    };
    // Typing in the search box replaces the history entry instead of adding one per key.
    void navigate({ search: patch, replace: patch.q !== search.q });
  };

  const title = TITLES[entity];
  return (
    <Page title={title} description={`${title} of ${organization.name}.`}>
      <DataTable<RecordRow>
        key={entity}
        label={title}
        columns={columns}
        data={(list.data?.rows ?? [])}
        totalCount={list.data?.total}
        loading={list.isFetching && !list.data}
        error={list.error ? errorMessage(list.error) : null}
        onRetry={() => void list.refetch()}
        getRowId={(row) => row.id}
        state={state}
        onStateChange={onStateChange}
        searchPlaceholder={`Search ${title.toLowerCase()}…`}
        storageKey={`opsdeck.records.${entity}`}
        exportFileName={entity}
        onRowClick={(row) => void navigate({ to: "/records/$entity/$recordId", params: { entity, recordId: row.id } })}
        onExport={() => {
          exportRecords(entity, search);
          toast.success(`Downloading ${title.toLowerCase()} as CSV.`);
        }}
        actions={
          has("core.import.run") ? (
            <Button asChild>
              <Link to="/import" search={{ entity }}>
                <Upload aria-hidden="true" /> Import
              </Link>
            </Button>
          ) : null
        }
        emptyState={
          <EmptyState
            size="compact"
            icon={<Inbox />}
            title={`No ${title.toLowerCase()} yet`}
            text="Import them from a CSV export of Salesforce or HubSpot."
          />
        }
      />
    </Page>
  );
}
