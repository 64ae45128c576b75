import { Button, Input, Label, Select, Switch, Textarea } from "@opsdeck/ui";
import { useId, useState, type FormEvent, type ReactNode } from "react";

/** The part of JSON Schema that zod's `z.toJSONSchema` writes for a plugin's settings object. */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

type Kind = "boolean" | "integer" | "number" | "enum" | "string-list" | "string" | "json";

/** How a property is edited: a switch, a number, a choice, a list, text, or JSON for anything richer. */
export function kindOf(schema: JsonSchema): Kind {
  const variants = schema.anyOf?.filter((s) => s.type !== "null") ?? [];
  const base = variants.length === 1 ? variants[0]! : schema;
  const type = Array.isArray(base.type) ? base.type.find((t) => t !== "null") : base.type;
  if (base.enum?.every((v) => typeof v === "string")) return "enum";
  if (type === "boolean") return "boolean";
  if (type === "integer") return "integer";
  if (type === "number") return "number";
  if (type === "string") return "string";
  if (type === "array" && base.items?.type === "string" && !base.items.enum) return "string-list";
  return "json";
}

/** The text shown in a field for a value. */
function toText(kind: Kind, value: unknown): string | boolean {
  if (kind === "boolean") return value === true;
  if (value === undefined || value === null) return "";
  if (kind === "string-list") return Array.isArray(value) ? value.join("\n") : "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value, null, 2);
}

/** The value sent for a field's text; undefined leaves the property out (its default applies). */
export function fromText(kind: Kind, text: string | boolean): unknown {
  if (kind === "boolean") return text === true;
  const raw = String(text);
  if (raw.trim() === "") return undefined;
  if (kind === "integer" || kind === "number") return Number(raw);
  if (kind === "string-list") return raw.split(/\r?\n|,/).map((s) => s.trim()).filter(Boolean);
  if (kind === "json") {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return raw; // the server answers with what is wrong
    }
  }
  return raw;
}

function humanize(name: string): string {
  const spaced = name.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ");
  return spaced[0]!.toUpperCase() + spaced.slice(1).toLowerCase();
}

function FieldControl({ id, kind, schema, value, onChange, invalid }: { id: string; kind: Kind; schema: JsonSchema; value: string | boolean; onChange: (v: string | boolean) => void; invalid: boolean }) {
  if (kind === "boolean") return <Switch id={id} checked={value === true} onCheckedChange={onChange} />;
  if (kind === "enum") {
    const options = (schema.enum ?? schema.anyOf?.find((s) => s.enum)?.enum ?? []).map((v) => ({ value: String(v), label: String(v) }));
    return <Select id={id} options={options} value={String(value)} onValueChange={onChange} aria-invalid={invalid} />;
  }
  if (kind === "string-list" || kind === "json") {
    return <Textarea id={id} rows={kind === "json" ? 6 : 4} value={String(value)} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid} className={kind === "json" ? "font-mono text-xs" : undefined} />;
  }
  return (
    <Input
      id={id}
      type={kind === "integer" || kind === "number" ? "number" : "text"}
      step={kind === "integer" ? 1 : "any"}
      min={schema.minimum}
      max={schema.maximum}
      value={String(value)}
      onChange={(e) => onChange(e.target.value)}
      aria-invalid={invalid}
    />
  );
}

export interface JsonSchemaFormProps {
  schema: JsonSchema;
  /** The current values (defaults filled in). */
  values: Record<string, unknown>;
  /** Saves; throw an error with `issues` ({ path, message }[]) to show messages next to the fields. */
  onSubmit: (values: Record<string, unknown>) => Promise<void>;
  submitLabel?: string;
  disabled?: boolean;
  footer?: ReactNode;
}

/** A form generated from a JSON Schema object: one labelled control per property, server messages inline. */
export function JsonSchemaForm({ schema, values, onSubmit, submitLabel = "Save", disabled = false, footer }: JsonSchemaFormProps) {
  const idPrefix = useId();
  const entries = Object.entries(schema.properties ?? {});
  const kinds = Object.fromEntries(entries.map(([name, prop]) => [name, kindOf(prop)]));
  const [texts, setTexts] = useState(() => Object.fromEntries(entries.map(([name, prop]) => [name, toText(kinds[name]!, values[name] ?? prop.default)])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    const out: Record<string, unknown> = {};
    for (const [name] of entries) {
      const value = fromText(kinds[name]!, texts[name]!);
      if (value !== undefined) out[name] = value;
    }
    setSaving(true);
    try {
      await onSubmit(out);
    } catch (error) {
      const issues = ((error as { data?: { issues?: { path?: (string | number)[]; message: string }[] } }).data?.issues ?? []).filter((i) => i.path?.length);
      const byField: Record<string, string> = {};
      for (const issue of issues) {
        // The server validates `{ settings: {...} }`: the field is the last named segment.
        const field = issue.path!.map(String).find((p) => p in kinds);
        if (field) byField[field] = issue.message;
      }
      setErrors(byField);
      if (!Object.keys(byField).length) setFormError(error instanceof Error ? error.message : "The settings could not be saved.");
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="flex flex-col gap-4" onSubmit={(e) => void submit(e)} noValidate>
      {entries.map(([name, prop]) => {
        const id = `${idPrefix}-${name}`;
        const kind = kinds[name]!;
        const hint = prop.description ?? (kind === "string-list" ? "One per line." : undefined);
        return (
          <div key={name} className={kind === "boolean" ? "flex items-start gap-3" : "flex flex-col gap-1.5"} data-invalid={errors[name] ? "" : undefined}>
            {kind === "boolean" ? (
              <>
                <FieldControl id={id} kind={kind} schema={prop} value={texts[name]!} onChange={(v) => setTexts((t) => ({ ...t, [name]: v }))} invalid={Boolean(errors[name])} />
                <div className="flex flex-col gap-0.5">
                  <Label htmlFor={id}>{prop.title ?? humanize(name)}</Label>
                  {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
                </div>
              </>
            ) : (
              <>
                <Label htmlFor={id}>{prop.title ?? humanize(name)}</Label>
                <FieldControl id={id} kind={kind} schema={prop} value={texts[name]!} onChange={(v) => setTexts((t) => ({ ...t, [name]: v }))} invalid={Boolean(errors[name])} />
                {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
              </>
            )}
            {errors[name] ? <p className="text-xs font-medium text-destructive">{errors[name]}</p> : null}
          </div>
        );
      })}
      {formError ? (
        <div role="alert" className="rounded-md border border-destructive/30 bg-destructive/10 px-3 py-2 text-sm text-destructive">
          {formError}
        </div>
      ) : null}
      <div className="flex items-center gap-2">
        <Button type="submit" variant="primary" loading={saving} disabled={disabled}>
          {submitLabel}
        </Button>
        {footer}
      </div>
    </form>
  );
}
