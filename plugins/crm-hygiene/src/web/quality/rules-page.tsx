import { Can } from "@opsdeck/plugin-sdk/web";
import { Badge, Button, Card, CardContent, createColumnHelper, DataTable, EmptyState, ErrorState, PageHeader, useLinkComponent } from "@opsdeck/ui";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { RuleInput } from "../../validation/rule-schema.ts";
import { BASE, ENTITY_LABELS, errorText, RULES_MANAGE, useHygieneClient, useHygieneQueries } from "./api.ts";
import { RuleEditor } from "./rule-editor.tsx";

interface RuleRow {
  id: string;
  entity: string;
  name: string;
  summary: string;
  severity: "block" | "warn";
  enabled: boolean;
  violations: number | null;
}

const col = createColumnHelper<RuleRow>();

/** Validation rules: the list with each rule's violations, and the editor. */
export function RulesPage() {
  const q = useHygieneQueries();
  const api = useHygieneClient();
  const client = useQueryClient();
  const Link = useLinkComponent();
  const [editing, setEditing] = useState(false);
  const rules = useQuery(q.validation.list.queryOptions({ counts: true }));
  const save = async (input: RuleInput) => {
    await api.validation.create.mutate(input);
    await client.invalidateQueries({ queryKey: q.validation.pathKey() });
  };
  const columns = [
    col.accessor("name", {
      header: "Rule",
      cell: (c) => (
        <div className="min-w-0">
          <Link href={`${BASE}/rules/${c.row.original.id}`} className="font-medium text-primary hover:underline focus-visible:underline">
            {c.getValue()}
          </Link>
          <div className="truncate text-xs text-muted-foreground">{c.row.original.summary}</div>
        </div>
      ),
    }),
    col.accessor("entity", { header: "Records", cell: (c) => ENTITY_LABELS[c.getValue()] ?? c.getValue() }),
    col.accessor("severity", {
      header: "When broken",
      cell: (c) => <Badge tone={c.getValue() === "block" ? "danger" : "warning"}>{c.getValue() === "block" ? "Block" : "Warn"}</Badge>,
    }),
    col.accessor("enabled", { header: "Status", cell: (c) => <Badge tone={c.getValue() ? "success" : "neutral"}>{c.getValue() ? "On" : "Off"}</Badge> }),
    col.accessor("violations", {
      header: "Violations",
      meta: { align: "right" },
      cell: (c) => (c.getValue() == null ? "—" : c.getValue()!.toLocaleString()),
    }),
  ];
  const newRule = (
    <Can permission={RULES_MANAGE}>
      <Button variant="primary" onClick={() => setEditing(true)}>
        New rule
      </Button>
    </Can>
  );
  return (
    <div className="space-y-6">
      <PageHeader
        title="Validation rules"
        description="Rules every create, edit and import must pass: required fields, patterns, allowed values, and fields one field makes required."
        actions={newRule}
      />
      {rules.isError ? (
        <ErrorState message={errorText(rules.error)} onRetry={() => void rules.refetch()} />
      ) : (
        <Card>
          <CardContent className="pt-6">
            <DataTable
              label="Validation rules"
              columns={columns}
              data={rules.data ?? []}
              loading={rules.isPending}
              getRowId={(r) => r.id}
              mode="client"
              searchable
              searchPlaceholder="Find a rule"
              emptyState={
                <EmptyState
                  size="compact"
                  title="No validation rules yet"
                  text="A rule says what a good record looks like, e.g. “a won opportunity needs an amount and a close date”."
                  action={newRule}
                />
              }
            />
          </CardContent>
        </Card>
      )}
      {editing ? <RuleEditor open={editing} onOpenChange={setEditing} rule={null} onSave={save} /> : null}
    </div>
  );
}
