import { usePermissions } from "@opsdeck/plugin-sdk/web";
import {
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  Checkbox,
  ErrorState,
  IconButton,
  Input,
  Label,
  LoadingState,
  PageHeader,
  Select,
  toast,
} from "@opsdeck/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useHygieneClient, useHygieneQueries } from "../quality/api.ts";
import { COMPARATOR_LABELS, DUP_ENTITIES, DUP_LABELS, errorText, FIELD_LABELS, formatScore, RULES_MANAGE, type DupEntity } from "./api.ts";

type Comparator = "exact" | "normalized" | "jaro_winkler" | "token_set" | "person_name" | "email" | "domain" | "phone";
interface Rules {
  comparisons: Array<{ field: string; comparator: Comparator; weight: number }>;
  blocking: string[];
  reviewThreshold: number;
  autoMergeThreshold: number;
  maxBlockSize: number;
  expectedDuplicateShare: number;
}

/** The matching rules of an entity: compared fields, blocking keys, thresholds, and a preview on a sample. */
export function MatchingRulesPage() {
  const q = useHygieneQueries();
  const api = useHygieneClient();
  const client = useQueryClient();
  const navigate = useNavigate();
  const search: { entity?: DupEntity } = useSearch({ strict: false });
  const entity = search.entity ?? "contacts";
  const canEdit = usePermissions().hasAny([RULES_MANAGE]);
  const stored = useQuery(q.duplicates.rules.queryOptions({ entity }));
  const [draft, setDraft] = useState<Rules | null>(null);
  useEffect(() => setDraft(stored.data ? structuredClone<Rules>(stored.data.rules) : null), [stored.data]);
  const preview = useMutation({
    mutationFn: (rules: Rules) => api.duplicates.preview.mutate({ entity, rules, sample: 5000 }),
    onError: (err) => toast.error(errorText(err)),
  });
  const save = useMutation({
    mutationFn: (rules: Rules) => api.duplicates.saveRules.mutate({ entity, rules }),
    onSuccess: async () => {
      toast.success("Saved. The next scan uses these rules.");
      await client.invalidateQueries({ queryKey: q.duplicates.pathKey() });
    },
    onError: (err) => toast.error(errorText(err)),
  });
  const reset = useMutation({
    mutationFn: () => api.duplicates.resetRules.mutate({ entity }),
    onSuccess: async () => {
      toast.success("Back to the default rules.");
      await client.invalidateQueries({ queryKey: q.duplicates.pathKey() });
    },
    onError: (err) => toast.error(errorText(err)),
  });
  const header = (
    <PageHeader
      title="Matching rules"
      breadcrumbs={[{ label: "Duplicates", href: `/crm-hygiene/duplicates?entity=${entity}` }, { label: DUP_LABELS[entity] }]}
      description="Which fields are compared and how, which keys pick the pairs worth comparing, and the two thresholds."
      actions={
        <Select
          size="sm"
          options={DUP_ENTITIES.map((e) => ({ value: e, label: DUP_LABELS[e] }))}
          value={entity}
          onValueChange={(v) => {
            preview.reset();
            void navigate({ to: ".", search: { entity: v } } as never);
          }}
        />
      }
    />
  );
  if (stored.isPending || !draft) return <div className="space-y-6">{header}<LoadingState label="Loading the rules" /></div>;
  if (stored.isError) return <div className="space-y-6">{header}<ErrorState message={errorText(stored.error)} onRetry={() => void stored.refetch()} /></div>;
  const fields = stored.data.fields as Record<string, readonly Comparator[]>;
  const keys = stored.data.blockingKeys;
  const set = (patch: Partial<Rules>) => setDraft({ ...draft, ...patch });
  const setComparison = (i: number, patch: Partial<Rules["comparisons"][number]>) =>
    set({ comparisons: draft.comparisons.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const unused = Object.keys(fields).filter((f) => !draft.comparisons.some((c) => c.field === f));
  const number = (value: string, fallback: number) => (Number.isFinite(Number(value)) && value !== "" ? Number(value) : fallback);
  return (
    <div className="space-y-6">
      {header}
      <div className="grid gap-6 xl:grid-cols-[1fr_24rem]">
        <div className="space-y-6">
          <Card>
            <CardHeader>
              <div className="space-y-1.5">
                <CardTitle>Compared fields</CardTitle>
                <CardDescription>
                  Each field adds evidence for or against a match; rarer shared values count more. Weight 0 turns a field off, 2 doubles its say.
                  {stored.data.custom ? "" : " These are the defaults."}
                </CardDescription>
              </div>
            </CardHeader>
            <CardContent className="space-y-3">
              {draft.comparisons.map((c, i) => (
                <div key={`${c.field}-${i}`} className="grid grid-cols-[9rem_1fr_6rem_auto] items-center gap-3">
                  <span className="text-sm font-medium">{FIELD_LABELS[c.field] ?? c.field}</span>
                  <Select
                    size="sm"
                    disabled={!canEdit}
                    options={(fields[c.field] ?? [c.comparator]).map((x) => ({ value: x, label: COMPARATOR_LABELS[x] ?? x }))}
                    value={c.comparator}
                    onValueChange={(v) => setComparison(i, { comparator: v as Comparator })}
                  />
                  <Input
                    aria-label={`Weight of ${FIELD_LABELS[c.field] ?? c.field}`}
                    type="number"
                    min={0}
                    max={5}
                    step={0.25}
                    disabled={!canEdit}
                    value={c.weight}
                    onChange={(e) => setComparison(i, { weight: number(e.target.value, c.weight) })}
                  />
                  <IconButton
                    label={`Stop comparing ${FIELD_LABELS[c.field] ?? c.field}`}
                    variant="ghost"
                    disabled={!canEdit || draft.comparisons.length === 1}
                    onClick={() => set({ comparisons: draft.comparisons.filter((_, j) => j !== i) })}
                    icon={<span aria-hidden="true">×</span>}
                  />
                </div>
              ))}
              {canEdit && unused.length ? (
                <div className="flex flex-wrap gap-2 pt-1">
                  {unused.map((f) => (
                    <Button key={f} size="sm" variant="ghost" onClick={() => set({ comparisons: [...draft.comparisons, { field: f, comparator: fields[f]![0]!, weight: 1 }] })}>
                      + {FIELD_LABELS[f] ?? f}
                    </Button>
                  ))}
                </div>
              ) : null}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <div className="space-y-1.5">
                <CardTitle>Blocking keys</CardTitle>
                <CardDescription>Only records sharing one of these keys are compared — a scan of a million records compares a few million pairs, not half a trillion.</CardDescription>
              </div>
            </CardHeader>
            <CardContent className="space-y-2">
              {Object.entries(keys).map(([key, description]) => (
                <label key={key} className="flex items-center gap-3 text-sm">
                  <Checkbox
                    disabled={!canEdit}
                    checked={draft.blocking.includes(key)}
                    onCheckedChange={(v) => set({ blocking: v === true ? [...draft.blocking, key] : draft.blocking.filter((b) => b !== key) })}
                  />
                  {description}
                </label>
              ))}
            </CardContent>
          </Card>
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader>
              <div className="space-y-1.5">
                <CardTitle>Thresholds</CardTitle>
                <CardDescription>Match probability from 0 to 1.</CardDescription>
              </div>
            </CardHeader>
            <CardContent className="space-y-4">
              {(
                [
                  ["reviewThreshold", "Review", "Pairs at or above go to the review queue.", 0.5, 0.999, 0.01],
                  ["autoMergeThreshold", "Auto-merge", "Clusters whose every pair is at or above may be merged in bulk.", 0.5, 1, 0.001],
                  ["maxBlockSize", "Largest block", "Keys shared by more records are skipped.", 10, 5000, 10],
                ] as const
              ).map(([key, label, hint, min, max, step]) => (
                <div key={key} className="space-y-1">
                  <Label htmlFor={`rule-${key}`}>{label}</Label>
                  <Input id={`rule-${key}`} type="number" min={min} max={max} step={step} disabled={!canEdit} value={draft[key]} onChange={(e) => set({ [key]: number(e.target.value, draft[key]) })} />
                  <p className="text-xs text-muted-foreground">{hint}</p>
                </div>
              ))}
              {canEdit ? (
                <div className="flex flex-wrap gap-2 pt-2">
                  <Button variant="secondary" onClick={() => preview.mutate(draft)} disabled={preview.isPending}>
                    {preview.isPending ? "Previewing…" : "Preview"}
                  </Button>
                  <Button variant="primary" onClick={() => save.mutate(draft)} disabled={save.isPending}>
                    Save
                  </Button>
                  {stored.data.custom ? (
                    <Button variant="ghost" onClick={() => reset.mutate()} disabled={reset.isPending}>
                      Reset to defaults
                    </Button>
                  ) : null}
                </div>
              ) : null}
            </CardContent>
          </Card>
          {preview.data ? (
            <Card>
              <CardHeader>
                <div className="space-y-1.5">
                  <CardTitle>Preview</CardTitle>
                  <CardDescription>
                    On the first {preview.data.records.toLocaleString()} records: {preview.data.comparedPairs.toLocaleString()} pairs compared,{" "}
                    {preview.data.clusters.toLocaleString()} clusters ({preview.data.clustersAboveAutoMerge.toLocaleString()} above auto-merge).
                  </CardDescription>
                </div>
              </CardHeader>
              <CardContent className="space-y-4">
                <table className="w-full text-sm">
                  <caption className="sr-only">Pairs at each threshold</caption>
                  <thead>
                    <tr className="text-left text-muted-foreground">
                      <th scope="col" className="py-1 font-medium">Score at least</th>
                      <th scope="col" className="py-1 text-right font-medium">Pairs</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.data.counts.map((c) => (
                      <tr key={c.threshold} className="border-t border-border/60">
                        <td className="py-1">
                          {formatScore(c.threshold)}
                          {c.threshold === draft.reviewThreshold ? <Badge className="ml-2" tone="info">review</Badge> : null}
                        </td>
                        <td className="py-1 text-right tabular-nums">{c.pairs.toLocaleString()}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {preview.data.examples.length ? (
                  <div className="space-y-2">
                    <h3 className="text-sm font-medium">Pairs near the review threshold</h3>
                    <ul className="space-y-1.5 text-sm">
                      {preview.data.examples.map((e) => (
                        <li key={`${e.a.id}-${e.b.id}`} className="flex items-baseline gap-2">
                          <Badge tone={e.score >= draft.reviewThreshold ? "warning" : "neutral"}>{formatScore(e.score)}</Badge>
                          <span className="min-w-0 truncate">
                            {e.a.label} ↔ {e.b.label}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </CardContent>
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}
