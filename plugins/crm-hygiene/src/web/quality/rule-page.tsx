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
  ErrorState,
  LoadingState,
  PageHeader,
  toast,
  useLinkComponent,
  type DataTableState,
} from "@opsdeck/ui";
import { useNavigate, useParams } from "@tanstack/react-router";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { RULE_FIELDS, type RuleEntity } from "../../validation/fields.ts";
import type { RuleInput } from "../../validation/rule-schema.ts";
import { BASE, ENTITY_LABELS, errorText, recordHref, RULES_MANAGE, useHygieneClient, useHygieneQueries } from "./api.ts";
import { RuleEditor } from "./rule-editor.tsx";

interface ViolationRow {
  id: string;
  label: string | null;
  values: Record<string, string | null>;
}

const col = createColumnHelper<ViolationRow>();

/** One validation rule: what it says, and the records that break it now, with links to them. */
export function RulePage() {
  const params: { ruleId?: string } = useParams({ strict: false });
  const ruleId = params.ruleId ?? "";
  const q = useHygieneQueries();
  const api = useHygieneClient();
  const client = useQueryClient();
  const navigate = useNavigate();
  const Link = useLinkComponent();
  const [editing, setEditing] = useState(false);
  const [table, setTable] = useState<DataTableState>(() => createDataTableState());
  const rule = useQuery(q.validation.get.queryOptions({ id: ruleId }));
  const violations = useQuery({
    ...q.validation.violations.queryOptions({ id: ruleId, limit: table.pagination.pageSize, offset: table.pagination.pageIndex * table.pagination.pageSize }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => client.invalidateQueries({ queryKey: q.validation.pathKey() });
  const crumbs = [{ label: "Validation rules", href: `${BASE}/rules` }, { label: rule.data?.name ?? "Rule" }];
  if (rule.isPending) return <LoadingState label="Loading the rule" />;
  if (rule.isError) return <div className="space-y-6"><PageHeader title="Rule" breadcrumbs={crumbs} /><ErrorState message={errorText(rule.error)} /></div>;
  const r = rule.data;
  const entity: RuleEntity = r.entity;
  const fieldNames = violations.data?.fields ?? [];
  const labelOf = (p: string) => RULE_FIELDS[entity].find((f) => f.property === p)?.label ?? p;
  const columns = [
    col.accessor("label", {
      header: "Record",
      enableSorting: false,
      cell: (c) => (
        <Link href={recordHref(entity, c.row.original.id)} className="font-medium text-primary hover:underline focus-visible:underline">
          {c.getValue() ?? "(no name)"}
        </Link>
      ),
    }),
    ...fieldNames.map((p) =>
      col.display({ id: p, header: labelOf(p), cell: (c) => <span className="text-muted-foreground">{c.row.original.values[p] ?? "—"}</span> }),
    ),
  ];
  const save = async (input: RuleInput) => {
    await api.validation.update.mutate({ id: r.id, rule: input });
    await refresh();
  };
  const remove = async () => {
    await api.validation.delete.mutate({ id: r.id });
    toast.success("Rule deleted");
    await refresh();
    await navigate({ to: `${BASE}/rules` } as never);
  };
  return (
    <div className="space-y-6">
      <PageHeader
        title={r.name}
        breadcrumbs={crumbs}
        description={r.summary}
        actions={
          <Can permission={RULES_MANAGE}>
            <Button onClick={() => setEditing(true)}>Edit</Button>
            <ConfirmDialog title="Delete this rule?" description="Writes stop being checked against it." confirmLabel="Delete" destructive onConfirm={remove} trigger={<Button variant="ghost">Delete</Button>} />
          </Can>
        }
      />
      <div className="flex flex-wrap gap-2 text-sm">
        <Badge tone="outline">{ENTITY_LABELS[entity]}</Badge>
        <Badge tone={r.severity === "block" ? "danger" : "warning"}>{r.severity === "block" ? "Blocks writes" : "Warns"}</Badge>
        <Badge tone={r.enabled ? "success" : "neutral"}>{r.enabled ? "On" : "Off"}</Badge>
        <span className="text-muted-foreground">Message: “{r.message}”</span>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Violations</CardTitle>
          <CardDescription>Records that break the rule now (written before it existed, or while it was off or warning).</CardDescription>
        </CardHeader>
        <CardContent>
          <DataTable
            label="Violations"
            columns={columns}
            data={violations.data?.rows ?? []}
            totalCount={violations.data?.total ?? 0}
            loading={violations.isPending}
            error={violations.isError ? errorText(violations.error) : null}
            getRowId={(row) => row.id}
            state={table}
            onStateChange={setTable}
            searchable={false}
            emptyState={<EmptyState size="compact" title="No violations" text="Every record follows this rule." />}
          />
        </CardContent>
      </Card>
      {editing ? <RuleEditor open={editing} onOpenChange={setEditing} rule={{ ...r, entity }} onSave={save} /> : null}
    </div>
  );
}
