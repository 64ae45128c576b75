import { Can } from "@opsdeck/plugin-sdk/web";
import {
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  ConfirmDialog,
  createColumnHelper,
  createDataTableState,
  DataTable,
  EmptyState,
  formatRelativeTime,
  PageHeader,
  Select,
  StatTile,
  Tabs,
  TabsList,
  TabsTrigger,
  toast,
  useLinkComponent,
  type DataTableState,
} from "@opsdeck/ui";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useHygieneClient, useHygieneQueries } from "../quality/api.ts";
import { DUP_ENTITIES, DUP_LABELS, DUPLICATES_MERGE, errorText, formatScore, scoreTone, type DupEntity } from "./api.ts";
import { ScanPanel } from "./scan-panel.tsx";

interface QueueSearch {
  entity?: DupEntity;
  status?: "merged" | "dismissed";
  minScore?: number;
}

interface ClusterRow {
  id: string;
  score: number;
  createdAt: Date | string;
  records: Array<{ id: string; label: string }>;
}

const col = createColumnHelper<ClusterRow>();
const STATUS_OPTIONS = [
  { value: "open", label: "To review" },
  { value: "merged", label: "Merged" },
  { value: "dismissed", label: "Not duplicates" },
];
const SCORE_OPTIONS = [
  { value: "any", label: "Any score" },
  { value: "0.9", label: "90% and up" },
  { value: "0.95", label: "95% and up" },
  { value: "0.99", label: "99% and up" },
];

/** The review queue: clusters of likely duplicates per entity, strongest first, with the scan and bulk merge. */
export function QueuePage() {
  const q = useHygieneQueries();
  const api = useHygieneClient();
  const client = useQueryClient();
  const Link = useLinkComponent();
  const navigate = useNavigate();
  const search: QueueSearch = useSearch({ strict: false });
  const entity = search.entity ?? "contacts";
  const status = search.status ?? "open";
  const [table, setTable] = useState<DataTableState>(() => createDataTableState());
  const setSearch = (next: Partial<QueueSearch>) => {
    setTable(createDataTableState());
    void navigate({ to: ".", search: { ...search, ...next } } as never);
  };
  const summary = useQuery(q.duplicates.summary.queryOptions());
  const mine = summary.data?.find((s) => s.entity === entity);
  const clusters = useQuery({
    ...q.duplicates.clusters.queryOptions({
      entity,
      status,
      minScore: search.minScore,
      limit: table.pagination.pageSize,
      offset: table.pagination.pageIndex * table.pagination.pageSize,
    }),
    placeholderData: keepPreviousData,
  });
  const bulk = useMutation({
    mutationFn: () => api.duplicates.bulkMerge.mutate({ entity: entity as "contacts" | "accounts" | "leads", rule: "most_complete" }),
    onSuccess: async () => {
      toast.success("Bulk merge queued: follow it above. Every merge can be undone from its cluster.");
      await client.invalidateQueries({ queryKey: q.duplicates.jobs.pathKey() });
    },
    onError: (err) => toast.error(errorText(err)),
  });
  const autoMerge = mine?.autoMergeThreshold ?? 0.99;
  const columns = [
    col.accessor("score", {
      header: "Match",
      enableSorting: false,
      cell: (c) => <Badge tone={scoreTone(c.getValue(), autoMerge)}>{formatScore(c.getValue())}</Badge>,
    }),
    col.accessor("records", {
      header: "Records",
      enableSorting: false,
      cell: (c) => (
        <Link href={`/crm-hygiene/duplicates/${c.row.original.id}`} className="font-medium text-primary hover:underline focus-visible:underline">
          {c.getValue().map((r) => r.label).join(" · ")}
        </Link>
      ),
    }),
    col.display({ id: "size", header: "Size", cell: (c) => <span className="tabular-nums">{c.row.original.records.length}</span> }),
    col.accessor("createdAt", { header: "Found", enableSorting: false, cell: (c) => formatRelativeTime(c.getValue()) }),
  ];
  const canBulk = entity !== "lead_contact" && status === "open" && (mine?.autoMergeable ?? 0) > 0;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Duplicates"
        description="Records that look like one another, grouped so that every member matches every other. Review, merge (with undo) or dismiss."
        actions={
          <Link href={`/crm-hygiene/duplicates/rules?entity=${entity}`} className="text-sm font-medium text-primary hover:underline">
            Matching rules
          </Link>
        }
      />
      <Tabs value={entity} onValueChange={(v) => setSearch({ entity: v as DupEntity, minScore: undefined })}>
        <TabsList aria-label="Entity">
          {DUP_ENTITIES.map((e) => {
            const open = summary.data?.find((s) => s.entity === e)?.openClusters;
            return (
              <TabsTrigger key={e} value={e}>
                {DUP_LABELS[e]}
                {open ? <span className="rounded-full bg-muted px-1.5 text-xs tabular-nums">{open.toLocaleString()}</span> : null}
              </TabsTrigger>
            );
          })}
        </TabsList>
      </Tabs>
      <ScanPanel entity={entity} />
      <div className="grid gap-4 sm:grid-cols-3">
        <StatTile label="Clusters to review" value={mine ? mine.openClusters.toLocaleString() : "—"} loading={summary.isPending} />
        <StatTile label="Records in them" value={mine ? mine.records.toLocaleString() : "—"} loading={summary.isPending} />
        <StatTile
          label={`Above auto-merge (${formatScore(autoMerge)})`}
          value={mine ? mine.autoMergeable.toLocaleString() : "—"}
          loading={summary.isPending}
        />
      </div>
      <Card>
        <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-3">
          <div className="space-y-1.5">
            <CardTitle>{DUP_LABELS[entity]}</CardTitle>
            <CardDescription>
              {entity === "lead_contact"
                ? "Open leads that are people you already have as contacts."
                : "Open a cluster to compare its records side by side and choose each field of the survivor."}
            </CardDescription>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <Select size="sm" className="w-40" options={STATUS_OPTIONS} value={status} onValueChange={(v) => setSearch({ status: v === "open" ? undefined : (v as QueueSearch["status"]) })} />
            <Select
              size="sm"
              className="w-40"
              options={SCORE_OPTIONS}
              value={search.minScore !== undefined ? String(search.minScore) : "any"}
              onValueChange={(v) => setSearch({ minScore: v === "any" ? undefined : Number(v) })}
            />
            {canBulk ? (
              <Can permission={DUPLICATES_MERGE}>
                <ConfirmDialog
                  title={`Merge ${mine!.autoMergeable.toLocaleString()} clusters?`}
                  description={`Every cluster whose weakest pair scores at least ${formatScore(autoMerge)} is merged into its most complete record, as a job. Each merge can be undone from its cluster.`}
                  confirmLabel="Merge them"
                  onConfirm={() => bulk.mutate()}
                  trigger={<Button size="sm" variant="primary" disabled={bulk.isPending}>Merge high-confidence</Button>}
                />
              </Can>
            ) : null}
          </div>
        </CardHeader>
        <CardContent>
          <DataTable
            label={`${DUP_LABELS[entity]} clusters`}
            columns={columns}
            data={(clusters.data?.rows ?? [])}
            totalCount={clusters.data?.total ?? 0}
            loading={clusters.isPending}
            error={clusters.isError ? errorText(clusters.error) : null}
            getRowId={(r) => r.id}
            state={table}
            onStateChange={setTable}
            searchable={false}
            emptyState={
              <EmptyState
                size="compact"
                title={status === "open" ? "Nothing to review" : status === "merged" ? "No merges yet" : "Nothing dismissed"}
                text={status === "open" ? "Run a scan, or lower the review threshold in the matching rules." : undefined}
              />
            }
          />
        </CardContent>
      </Card>
    </div>
  );
}
