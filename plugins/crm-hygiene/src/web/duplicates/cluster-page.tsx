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
  ErrorState,
  LoadingState,
  PageHeader,
  StatusBadge,
  toast,
  useLinkComponent,
} from "@opsdeck/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useEffect, useMemo, useState } from "react";
import { recordHref, useHygieneClient, useHygieneQueries } from "../quality/api.ts";
import { DUP_LABELS, DUPLICATES_MERGE, errorText, formatScore, isDupEntity, recordLabel, RULE_LABELS, scoreTone } from "./api.ts";
import { ComparisonTable, type ComparedRecord } from "./comparison-table.tsx";

type Suggestion = { survivorId: string; picks: Record<string, string> };

/** One cluster side by side: pick the survivor and each field, merge, dismiss, or undo a merge. */
export function ClusterPage() {
  const q = useHygieneQueries();
  const api = useHygieneClient();
  const client = useQueryClient();
  const params: { clusterId?: string } = useParams({ strict: false });
  const id = params.clusterId ?? "";
  const detail = useQuery(q.duplicates.cluster.queryOptions({ id }));
  const [survivorId, setSurvivor] = useState<string | null>(null);
  const [picks, setPicks] = useState<Record<string, string>>({});
  const [included, setIncluded] = useState<Set<string>>(new Set());
  const [rule, setRule] = useState<string>("most_complete");
  const suggestions: Record<string, Suggestion> | null | undefined = detail.data?.suggestions;
  // Start from the "most complete" suggestion once the cluster is loaded.
  useEffect(() => {
    if (!detail.data) return;
    const s = suggestions?.most_complete;
    setSurvivor(s?.survivorId ?? null);
    setPicks(s?.picks ?? {});
    setIncluded(new Set(detail.data.records.map((r) => r.id)));
    setRule("most_complete");
  }, [detail.data, suggestions]);
  const refresh = () => client.invalidateQueries({ queryKey: q.duplicates.pathKey() });
  const merge = useMutation({
    mutationFn: () => {
      const d = detail.data!;
      return api.duplicates.merge.mutate({
        entity: d.cluster.entity as "contacts" | "accounts" | "leads",
        recordIds: [...included],
        clusterId: d.cluster.id,
        rule: "manual",
        survivorId: survivorId!,
        picks: Object.fromEntries(Object.entries(picks).filter(([, v]) => included.has(v))),
      });
    },
    onSuccess: async (out) => {
      toast.success(`Merged ${out.mergedIds.length} record${out.mergedIds.length === 1 ? "" : "s"}: their activities, deals and contacts now point at the survivor.`);
      await refresh();
    },
    onError: (err) => toast.error(errorText(err)),
  });
  const unmerge = useMutation({
    mutationFn: (mergeId: string) => api.duplicates.unmerge.mutate({ mergeId }),
    onSuccess: async () => {
      toast.success("Merge undone: the records and their relations are back as they were.");
      await refresh();
    },
    onError: (err) => toast.error(errorText(err)),
  });
  const dismiss = useMutation({
    mutationFn: () => api.duplicates.notDuplicate.mutate({ clusterId: id }),
    onSuccess: async () => {
      toast.success("Remembered: these records will not be proposed together again.");
      await refresh();
    },
    onError: (err) => toast.error(errorText(err)),
  });
  const Link = useLinkComponent();
  const byId = useMemo(() => new Map((detail.data?.records ?? []).map((r) => [r.id, r])), [detail.data]);
  const entity = detail.data?.cluster.entity;
  const back = { label: "Duplicates", href: `/crm-hygiene/duplicates${entity ? `?entity=${entity}` : ""}` };
  if (detail.isPending) return <div className="space-y-6"><PageHeader title="Duplicate cluster" breadcrumbs={[back]} /><LoadingState label="Loading the cluster" /></div>;
  if (detail.isError) return <div className="space-y-6"><PageHeader title="Duplicate cluster" breadcrumbs={[back]} /><ErrorState message={errorText(detail.error)} onRetry={() => void detail.refetch()} /></div>;
  const d = detail.data;
  const open = d.cluster.status === "open";
  const mergeable = d.fields.length > 0;
  const editable = open && mergeable;
  const records = d.records as unknown as ComparedRecord[];
  const label = isDupEntity(d.cluster.entity) ? DUP_LABELS[d.cluster.entity] : d.cluster.entity;
  const applyRule = (name: string) => {
    setRule(name);
    const s = suggestions?.[name];
    if (s) {
      setSurvivor(s.survivorId);
      setPicks(s.picks);
    }
  };
  const include = (rid: string, on: boolean) => {
    const next = new Set(included);
    if (on) next.add(rid);
    else next.delete(rid);
    setIncluded(next);
    if (!on && survivorId === rid) setSurvivor([...next][0] ?? null);
  };
  const canMerge = editable && survivorId !== null && included.has(survivorId) && included.size >= 2;
  return (
    <div className="space-y-6">
      <PageHeader
        title={`${records.map((r) => recordLabel(r)).slice(0, 2).join(" / ")}${records.length > 2 ? ` +${records.length - 2}` : ""}`}
        breadcrumbs={[back, { label }]}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <StatusBadge status={d.cluster.status === "dismissed" ? "not a duplicate" : d.cluster.status} />
            <Badge tone={scoreTone(d.cluster.score, d.autoMerge ? d.cluster.score : 1.1)}>{formatScore(d.cluster.score)} match</Badge>
            <span className="text-muted-foreground">weakest pair of {records.length} records</span>
          </span>
        }
        actions={
          <div className="flex flex-wrap gap-2">
            {open && !mergeable ? (
              // A lead that is a person already on file: converting it into that contact is the "merge" here.
              <Can permission="core.records.write">
                {records
                  .filter((r) => r.kind === "leads")
                  .map((lead) => {
                    const contact = records.find((r) => r.kind === "contacts");
                    return contact ? (
                      <Button key={lead.id} variant="primary" asChild>
                        <Link href={`${recordHref("leads", lead.id)}?convertInto=${contact.id}`}>
                          Convert {records.length > 2 ? recordLabel(lead) : "the lead"} into this contact
                        </Link>
                      </Button>
                    ) : null;
                  })}
              </Can>
            ) : null}
            <Can permission={DUPLICATES_MERGE}>
              <div className="flex flex-wrap gap-2">
                {open ? (
                  <ConfirmDialog
                    title="Not a duplicate?"
                    description="These records will never be proposed together again, also after later scans."
                    confirmLabel="Not a duplicate"
                    onConfirm={() => dismiss.mutate()}
                    trigger={<Button disabled={dismiss.isPending}>Not a duplicate</Button>}
                  />
                ) : null}
                {editable ? (
                  <ConfirmDialog
                    title={`Merge ${included.size} records into ${survivorId ? recordLabel(byId.get(survivorId) ?? {}) : "the survivor"}?`}
                    description="Activities, deals, contacts and other plugins' references move to the survivor in one step, and the others go to the trash. You can undo it later."
                    confirmLabel="Merge"
                    onConfirm={() => merge.mutate()}
                    trigger={<Button variant="primary" disabled={!canMerge || merge.isPending}>Merge</Button>}
                  />
                ) : null}
                {d.cluster.status === "merged" && d.cluster.mergeId ? (
                  <ConfirmDialog
                    title="Undo this merge?"
                    description="The merged records come back with their relations as they were before the merge."
                    confirmLabel="Unmerge"
                    onConfirm={() => unmerge.mutate(d.cluster.mergeId!)}
                    trigger={<Button disabled={unmerge.isPending}>Unmerge</Button>}
                  />
                ) : null}
              </div>
            </Can>
          </div>
        }
      />
      <Card>
        <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-3">
          <div className="space-y-1.5">
            <CardTitle>Side by side</CardTitle>
            <CardDescription>
              {editable
                ? "Choose the survivor and, per field, the value it keeps. Rows that differ are tinted."
                : mergeable
                  ? "The records as they are now."
                  : "A lead that matches a contact: convert the lead into the contact, or dismiss the match."}
            </CardDescription>
          </div>
          {editable ? (
            <div role="group" aria-label="Survivor rule" className="flex flex-wrap gap-1">
              {Object.keys(suggestions ?? {}).map((name) => (
                <Button key={name} size="sm" variant={rule === name ? "primary" : "ghost"} aria-pressed={rule === name} onClick={() => applyRule(name)}>
                  {RULE_LABELS[name] ?? name}
                </Button>
              ))}
            </div>
          ) : null}
        </CardHeader>
        <CardContent>
          <ComparisonTable
            records={records}
            fields={d.fields}
            references={d.references}
            editable={editable}
            survivorId={survivorId}
            picks={picks}
            included={included}
            onSurvivor={(rid) => {
              setSurvivor(rid);
              setRule("manual");
            }}
            onPick={(field, rid) => {
              setPicks({ ...picks, [field]: rid });
              setRule("manual");
            }}
            onInclude={include}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <div className="space-y-1.5">
            <CardTitle>Why they match</CardTitle>
            <CardDescription>Each pair's match probability and how each compared field came out.</CardDescription>
          </div>
        </CardHeader>
        <CardContent>
          <ul className="space-y-3">
            {d.pairs.map((p) => (
              <li key={`${p.a}-${p.b}`} className="space-y-1.5">
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <Badge tone={p.score >= 0.99 ? "success" : "warning"}>{formatScore(p.score)}</Badge>
                  <span className="font-medium">{recordLabel(byId.get(p.a) ?? {})}</span>
                  <span aria-hidden="true" className="text-muted-foreground">↔</span>
                  <span className="font-medium">{recordLabel(byId.get(p.b) ?? {})}</span>
                </div>
                <div className="flex flex-wrap gap-1.5">
                  {p.outcomes.map((o) => (
                    <Badge key={o.field} tone={o.level.startsWith("same") || o.level.includes("first same") ? "success" : o.level === "missing" ? "neutral" : o.level.startsWith("different") ? "danger" : "warning"}>
                      {o.field}: {o.level}
                    </Badge>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
    </div>
  );
}
