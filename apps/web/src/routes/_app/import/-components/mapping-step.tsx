import { Badge, Button, Card, CardContent, Select } from "@opsdeck/ui";
import { AlertTriangle } from "lucide-react";
import { useMemo } from "react";
import { importFields, type FieldSpec, type ImportMappingInput, type PreviewResult, type Upload } from "./import-api.ts";

const SKIP = "__skip";

/** The fields every header points to, after the user's edits (null: not imported). */
export type ColumnMapping = Record<string, string | null>;

function howMatched(header: string, field: string | null, preview: PreviewResult): "remembered" | "matched" | null {
  if (!field) return null;
  if (preview.savedMapping?.columns[header] === field) return "remembered";
  if (preview.suggestedMapping.columns[header] === field) return "matched";
  return null;
}

/** Required fields no column feeds. */
export function missingRequired(fields: readonly FieldSpec[], mapping: ColumnMapping): FieldSpec[] {
  const used = new Set(Object.values(mapping).filter(Boolean));
  return fields.filter((f) => f.required && !used.has(f.name));
}

/** Step 2: each column of the file → an Opsdeck field, pre-filled by name and alias (or from last time). */
export function MappingStep(props: {
  upload: Upload;
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
  onBack: () => void;
  onNext: (mapping: ImportMappingInput) => void;
  busy: boolean;
}) {
  const { mapping } = props;
  const preview = props.upload.preview;
  const specs = useMemo(() => importFields(props.upload), [props.upload]);
  const options = useMemo(
    () => [{ value: SKIP, label: "Don't import" }, ...specs.map((f) => ({ value: f.name, label: `${f.name}${f.required ? " *" : ""}` }))],
    [specs],
  );
  const missing = missingRequired(specs, mapping);
  const taken = new Map<string, string>();
  for (const [header, field] of Object.entries(mapping)) if (field && !taken.has(field)) taken.set(field, header);
  return (
    <Card>
      <CardContent className="flex flex-col gap-4 pt-5">
        {preview.savedMapping ? (
          <p className="text-sm text-muted-foreground">These columns were mapped as you did last time for a file with the same headers.</p>
        ) : (
          <p className="text-sm text-muted-foreground">Columns were matched by their names and the usual Salesforce and HubSpot headers. Check and change what is needed.</p>
        )}
        <div className="overflow-x-auto rounded-lg border border-border">
          <table className="w-full min-w-[640px] text-sm" aria-label="Column mapping">
            <thead>
              <tr className="border-b border-border bg-subtle text-left text-xs text-muted-foreground">
                <th scope="col" className="px-3 py-2 font-medium">
                  Column in the file
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Sample values
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Opsdeck field
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.headers.map((header) => {
                const field = mapping[header] ?? null;
                const duplicate = field !== null && taken.get(field) !== header;
                const matched = howMatched(header, field, preview);
                const samples = preview.sample.map((r) => r[header]).filter(Boolean).slice(0, 2);
                return (
                  <tr key={header} className="border-b border-border last:border-b-0">
                    <th scope="row" className="px-3 py-2 text-left font-medium">
                      {header}
                    </th>
                    <td className="max-w-64 truncate px-3 py-2 text-muted-foreground">{samples.join(", ") || "—"}</td>
                    <td className="px-3 py-2">
                      <div className="flex items-center gap-2">
                        <Select
                          size="sm"
                          className="w-56"
                          aria-label={`Field for the column ${header}`}
                          options={options}
                          value={field ?? SKIP}
                          onValueChange={(value) => props.onChange({ ...mapping, [header]: value === SKIP ? null : value })}
                        />
                        {matched === "remembered" ? <Badge tone="accent">Remembered</Badge> : matched === "matched" ? <Badge tone="success">Matched</Badge> : null}
                        {duplicate ? <Badge tone="warning">Also mapped from {taken.get(field)}</Badge> : null}
                      </div>
                      {field ? <p className="mt-1 text-xs text-muted-foreground">{specs.find((f) => f.name === field)?.description}</p> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {missing.length ? (
          <p role="alert" className="flex items-center gap-2 text-sm text-destructive">
            <AlertTriangle className="size-4" aria-hidden="true" />
            Map a column to {missing.map((f) => f.name).join(", ")}: {missing.length === 1 ? "it is" : "they are"} required.
          </p>
        ) : null}
        <div className="flex justify-between gap-2">
          <Button onClick={props.onBack}>Back</Button>
          <Button variant="primary" disabled={missing.length > 0} loading={props.busy} onClick={() => props.onNext({ columns: mapping })}>
            Review
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
