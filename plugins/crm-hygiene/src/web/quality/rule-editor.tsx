import { Button, Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, Input, Label, Select, Switch, Textarea } from "@opsdeck/ui";
import { useState, type FormEvent } from "react";
import { RULE_ENTITIES, RULE_FIELDS, type RuleEntity } from "../../validation/fields.ts";
import type { RuleConfig, RuleInput } from "../../validation/rule-schema.ts";
import { ENTITY_LABELS } from "./api.ts";

type Kind = RuleConfig["kind"];
type Op = "equals" | "not_equals" | "in" | "is_set" | "is_empty";

interface Draft {
  entity: RuleEntity;
  name: string;
  kind: Kind;
  field: string;
  pattern: string;
  caseInsensitive: boolean;
  values: string;
  whenField: string;
  whenOp: Op;
  whenValues: string;
  require: string[];
  severity: "block" | "warn";
  message: string;
  enabled: boolean;
}

const KINDS: { value: Kind; label: string }[] = [
  { value: "required", label: "Required field" },
  { value: "pattern", label: "Matches a pattern" },
  { value: "allowed_values", label: "One of allowed values" },
  { value: "cross_field", label: "Cross-field: when … then required" },
];
const OPS: { value: Op; label: string }[] = [
  { value: "equals", label: "is" },
  { value: "not_equals", label: "is not" },
  { value: "in", label: "is one of" },
  { value: "is_set", label: "is set" },
  { value: "is_empty", label: "is empty" },
];

const list = (text: string) => text.split(/[,\n]/).map((v) => v.trim()).filter(Boolean);

export interface EditableRule {
  id?: string;
  entity: RuleEntity;
  name: string;
  config: RuleConfig;
  severity: "block" | "warn";
  message: string;
  enabled: boolean;
}

function draftOf(rule: EditableRule | null): Draft {
  const c = rule?.config;
  const when = c && "when" in c ? c.when : undefined;
  return {
    entity: rule?.entity ?? "opportunities",
    name: rule?.name ?? "",
    kind: c?.kind ?? "required",
    field: c && "field" in c ? c.field : "",
    pattern: c?.kind === "pattern" ? c.pattern : "",
    caseInsensitive: c?.kind === "pattern" ? c.caseInsensitive : false,
    values: c?.kind === "allowed_values" ? c.values.join(", ") : "",
    whenField: when?.field ?? "",
    whenOp: when?.op ?? "equals",
    whenValues: when?.values.join(", ") ?? "",
    require: c?.kind === "cross_field" ? c.require : [],
    severity: rule?.severity ?? "block",
    message: rule?.message ?? "",
    enabled: rule?.enabled ?? true,
  };
}

function toInput(d: Draft): RuleInput {
  const when = d.whenField ? { field: d.whenField, op: d.whenOp, values: list(d.whenValues) } : undefined;
  const config: RuleInput["config"] =
    d.kind === "required"
      ? { kind: "required", field: d.field, ...(when ? { when } : {}) }
      : d.kind === "pattern"
        ? { kind: "pattern", field: d.field, pattern: d.pattern, caseInsensitive: d.caseInsensitive }
        : d.kind === "allowed_values"
          ? { kind: "allowed_values", field: d.field, values: list(d.values) }
          : { kind: "cross_field", when: when ?? { field: "", op: "equals", values: [] }, require: d.require };
  return { entity: d.entity, name: d.name, config, severity: d.severity, message: d.message, enabled: d.enabled };
}

/** Creates or edits a validation rule; the server checks it and its issues are shown under the form. */
export function RuleEditor(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  rule: EditableRule | null;
  onSave: (input: RuleInput) => Promise<unknown>;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.rule));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const fields = RULE_FIELDS[draft.entity].map((f) => ({ value: f.property, label: f.label }));
  const needsWhen = draft.kind === "cross_field" || draft.kind === "required";
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await props.onSave(toInput(draft));
      props.onOpenChange(false);
    } catch (err) {
      const issues = (err as { data?: { issues?: { path?: unknown[]; message: string }[] } }).data?.issues;
      setError(issues?.length ? issues.map((i) => `${(i.path ?? []).join(".")}: ${i.message}`).join("; ") : (err as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      <DialogContent className="max-w-xl">
        <DialogHeader>
          <DialogTitle>{props.rule?.id ? "Edit rule" : "New validation rule"}</DialogTitle>
          <DialogDescription>Checked on every create, edit and import. “Block” refuses the record; “Warn” lets it through and says why.</DialogDescription>
        </DialogHeader>
        <form className="space-y-3" onSubmit={(e) => void onSubmit(e)}>
          <div className="grid grid-cols-2 gap-3">
            <div className="space-y-1">
              <Label htmlFor="vr-entity">Records</Label>
              <Select
                id="vr-entity"
                value={draft.entity}
                onValueChange={(v) => set({ entity: v as RuleEntity, field: "", whenField: "", require: [] })}
                options={RULE_ENTITIES.map((e) => ({ value: e, label: ENTITY_LABELS[e] ?? e }))}
              />
            </div>
            <div className="space-y-1">
              <Label htmlFor="vr-kind">Kind</Label>
              <Select id="vr-kind" value={draft.kind} onValueChange={(v) => set({ kind: v as Kind })} options={KINDS} />
            </div>
          </div>
          <div className="space-y-1">
            <Label htmlFor="vr-name">Name</Label>
            <Input id="vr-name" required value={draft.name} onChange={(e) => set({ name: e.target.value })} placeholder="Won deals have an amount" />
          </div>
          {draft.kind !== "cross_field" ? (
            <div className="space-y-1">
              <Label htmlFor="vr-field">Field</Label>
              <Select id="vr-field" value={draft.field} placeholder="Pick a field" onValueChange={(v) => set({ field: v })} options={fields} />
            </div>
          ) : null}
          {draft.kind === "pattern" ? (
            <div className="grid grid-cols-[1fr_auto] items-end gap-3">
              <div className="space-y-1">
                <Label htmlFor="vr-pattern">Pattern (the whole value must match)</Label>
                <Input id="vr-pattern" required value={draft.pattern} onChange={(e) => set({ pattern: e.target.value })} placeholder="\+[1-9][0-9]{6,14}" className="font-mono" />
              </div>
              <label className="flex items-center gap-2 pb-2 text-sm">
                <Switch checked={draft.caseInsensitive} onCheckedChange={(v) => set({ caseInsensitive: v })} aria-label="Ignore case" />
                Ignore case
              </label>
            </div>
          ) : null}
          {draft.kind === "allowed_values" ? (
            <div className="space-y-1">
              <Label htmlFor="vr-values">Allowed values (comma or line separated)</Label>
              <Textarea id="vr-values" required value={draft.values} onChange={(e) => set({ values: e.target.value })} placeholder="Web, Referral, Event" />
            </div>
          ) : null}
          {needsWhen ? (
            <fieldset className="space-y-2 rounded-md border border-border p-3">
              <legend className="px-1 text-xs text-muted-foreground">{draft.kind === "cross_field" ? "When" : "Only when (optional)"}</legend>
              <div className="grid grid-cols-3 gap-2">
                <Select aria-label="Condition field" value={draft.whenField} placeholder="Field" onValueChange={(v) => set({ whenField: v })} options={fields} />
                <Select aria-label="Condition" value={draft.whenOp} onValueChange={(v) => set({ whenOp: v as Op })} options={OPS} />
                {draft.whenOp === "is_set" || draft.whenOp === "is_empty" ? null : (
                  <Input aria-label="Condition values" value={draft.whenValues} onChange={(e) => set({ whenValues: e.target.value })} placeholder="closed_won" />
                )}
              </div>
            </fieldset>
          ) : null}
          {draft.kind === "cross_field" ? (
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">Then these are required</legend>
              <div className="flex flex-wrap gap-2">
                {fields.map((f) => {
                  const on = draft.require.includes(f.value);
                  return (
                    <Button
                      key={f.value}
                      type="button"
                      size="sm"
                      variant={on ? "primary" : "secondary"}
                      aria-pressed={on}
                      onClick={() => set({ require: on ? draft.require.filter((x) => x !== f.value) : [...draft.require, f.value] })}
                    >
                      {f.label}
                    </Button>
                  );
                })}
              </div>
            </fieldset>
          ) : null}
          <div className="grid grid-cols-[10rem_1fr] gap-3">
            <div className="space-y-1">
              <Label htmlFor="vr-severity">When broken</Label>
              <Select
                id="vr-severity"
                value={draft.severity}
                onValueChange={(v) => set({ severity: v as "block" | "warn" })}
                options={[
                  { value: "block", label: "Block" },
                  { value: "warn", label: "Warn" },
                ]}
              />
            </div>
            <div className="space-y-1">
              <Label htmlFor="vr-message">Message users see</Label>
              <Input id="vr-message" required value={draft.message} onChange={(e) => set({ message: e.target.value })} placeholder="A won opportunity needs an amount." />
            </div>
          </div>
          <label className="flex items-center gap-2 text-sm">
            <Switch checked={draft.enabled} onCheckedChange={(v) => set({ enabled: v })} aria-label="Enabled" />
            Enabled
          </label>
          {error ? (
            <p role="alert" className="text-sm text-destructive">
              {error}
            </p>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => props.onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" disabled={saving}>
              {saving ? "Saving…" : "Save rule"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
