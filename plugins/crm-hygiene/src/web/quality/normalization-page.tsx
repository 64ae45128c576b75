import { Can, usePermissions } from "@opsdeck/plugin-sdk/web";
import {
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  cn,
  ConfirmDialog,
  EmptyState,
  ErrorState,
  LoadingState,
  PageHeader,
  toast,
} from "@opsdeck/ui";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ENTITY_LABELS, errorText, NORMALIZE_RUN, useHygieneClient, useHygieneQueries } from "./api.ts";
import { ChangeExamples, InvalidExamples } from "./normalization-examples.tsx";
import { RunHistory } from "./run-history.tsx";

/** Normalization: pick a rule, preview what it would change, apply it as a job, undo a run from the history. */
export function NormalizationPage() {
  const q = useHygieneQueries();
  const api = useHygieneClient();
  const client = useQueryClient();
  const navigate = useNavigate();
  const search: { rule?: string } = useSearch({ strict: false });
  const { has } = usePermissions();
  const canRun = has(NORMALIZE_RUN);
  const rules = useQuery(q.normalization.rules.queryOptions());
  const selected = search.rule ?? rules.data?.[0]?.id;
  const rule = rules.data?.find((r) => r.id === selected);
  const preview = useQuery({
    ...q.normalization.preview.queryOptions({ rule: rule?.id ?? "emails" }),
    enabled: Boolean(rule) && canRun,
  });
  const start = useMutation({
    mutationFn: () => api.normalization.start.mutate({ rule: rule!.id }),
    onSuccess: async () => {
      toast.success(`${rule!.label}: run queued. Follow it in the history below.`);
      await client.invalidateQueries({ queryKey: q.normalization.pathKey() });
    },
    onError: (err) => toast.error(errorText(err)),
  });
  const header = (
    <PageHeader
      title="Normalization"
      description="Write emails, phones, names, companies, domains, countries and states one way. Preview first; every run can be undone."
    />
  );
  if (rules.isPending) return <div className="space-y-6">{header}<LoadingState label="Loading rules" /></div>;
  if (rules.isError) return <div className="space-y-6">{header}<ErrorState message={errorText(rules.error)} onRetry={() => void rules.refetch()} /></div>;
  return (
    <div className="space-y-6">
      {header}
      <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
        <nav aria-label="Normalization rules" className="flex flex-col gap-1">
          {rules.data.map((r) => (
            <button
              key={r.id}
              type="button"
              onClick={() => void navigate({ to: ".", search: { rule: r.id } } as never)}
              aria-current={r.id === selected ? "true" : undefined}
              className={cn(
                "rounded-md px-3 py-2 text-left text-sm outline-none transition-colors focus-visible:ring-2 focus-visible:ring-ring",
                r.id === selected ? "bg-muted font-medium text-foreground" : "text-muted-foreground hover:bg-muted/60 hover:text-foreground",
              )}
            >
              {r.label}
              <span className="block text-xs text-muted-foreground">{r.entities.map((e) => ENTITY_LABELS[e]).join(", ")}</span>
            </button>
          ))}
        </nav>
        {rule ? (
          <Card>
            <CardHeader>
              <CardTitle>{rule.label}</CardTitle>
              <CardDescription>{rule.description}</CardDescription>
            </CardHeader>
            <CardContent className="space-y-5">
              {!canRun ? (
                <EmptyState size="compact" title="Ops run normalization" text="You can see the history of runs below." />
              ) : preview.isPending ? (
                <LoadingState label="Reading records" size="compact" />
              ) : preview.isError ? (
                <ErrorState message={errorText(preview.error)} onRetry={() => void preview.refetch()} />
              ) : (
                <>
                  <div className="flex flex-wrap items-center gap-3">
                    {preview.data.targets.map((t) => (
                      <div key={t.entity} className="rounded-md border border-border px-3 py-2 text-sm">
                        <div className="font-medium">{ENTITY_LABELS[t.entity]}</div>
                        <div className="text-muted-foreground tabular-nums">
                          {t.changed.toLocaleString()} to change · {t.invalid.toLocaleString()} unreadable · {t.total.toLocaleString()} records
                        </div>
                      </div>
                    ))}
                    {preview.data.complete ? null : <Badge tone="warning">Counted on the first {preview.data.targets[0]?.scanned.toLocaleString()} records</Badge>}
                    <div className="ml-auto">
                      <Can permission={NORMALIZE_RUN}>
                        <ConfirmDialog
                          title={`Apply "${rule.label}"?`}
                          description={`About ${preview.data.changed.toLocaleString()} records change. The run keeps every value it replaces, so you can undo it later.`}
                          confirmLabel="Apply"
                          onConfirm={() => start.mutateAsync().then(() => undefined)}
                          trigger={<Button variant="primary" disabled={preview.data.changed === 0 || start.isPending}>Apply as a job</Button>}
                        />
                      </Can>
                    </div>
                  </div>
                  <ChangeExamples examples={preview.data.examples} />
                  <InvalidExamples examples={preview.data.invalidExamples} />
                </>
              )}
            </CardContent>
          </Card>
        ) : null}
      </div>
      <RunHistory labels={new Map(rules.data.map((r) => [r.id, r.label]))} canRun={canRun} />
    </div>
  );
}
