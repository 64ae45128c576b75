import { Badge, Button, Card, CardContent, EmptyState, Label, RadioGroup, RadioGroupItem, StatTile, formatNumber } from "@opsdeck/ui";
import { CheckCircle2 } from "lucide-react";
import { useId } from "react";
import { RowErrorsTable } from "./row-errors-table.tsx";
import type { ImportMode, PreviewResult } from "./import-api.ts";

/** Step 3: what the first rows would do, every problem found in them, and how to treat bad rows. */
export function ReviewStep(props: {
  preview: PreviewResult;
  /** Data rows in the file, when the browser counted them. */
  totalRows: number | undefined;
  mode: ImportMode;
  onMode: (mode: ImportMode) => void;
  onBack: () => void;
  onStart: () => void;
  busy: boolean;
}) {
  const { preview } = props;
  const id = useId();
  const checkedAll = props.totalRows !== undefined && preview.rowsChecked >= props.totalRows;
  return (
    <Card>
      <CardContent className="flex flex-col gap-5 pt-5">
        <p className="text-sm text-muted-foreground">
          {checkedAll
            ? `All ${formatNumber(props.totalRows)} rows were checked.`
            : `The first ${formatNumber(preview.rowsChecked)}${props.totalRows === undefined ? "" : ` of ${formatNumber(props.totalRows)}`} rows were checked; the rest is checked during the import.`}
        </p>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <StatTile label="New records" value={formatNumber(preview.wouldCreate)} />
          <StatTile label="Updated" value={formatNumber(preview.wouldUpdate)} />
          <StatTile label="Unchanged" value={formatNumber(preview.unchanged)} />
          <StatTile label="Rows with errors" value={formatNumber(preview.invalid)} />
        </div>
        {preview.errorCount ? (
          <section className="flex flex-col gap-2" aria-labelledby={`${id}-errors`}>
            <h2 id={`${id}-errors`} className="flex items-center gap-2 text-sm font-semibold">
              Problems <Badge tone="danger">{formatNumber(preview.errorCount)}</Badge>
            </h2>
            <RowErrorsTable errors={preview.errors} fileName="import-preview-errors" />
          </section>
        ) : (
          <EmptyState size="compact" icon={<CheckCircle2 />} title="No problems found" text="Every row checked can be imported." />
        )}
        {preview.warningCount ? (
          <section className="flex flex-col gap-2" aria-labelledby={`${id}-warnings`}>
            <h2 id={`${id}-warnings`} className="flex items-center gap-2 text-sm font-semibold">
              Warnings <Badge tone="warning">{formatNumber(preview.warningCount)}</Badge>
            </h2>
            <p className="text-xs text-muted-foreground">These rows will be imported; your organization&apos;s validation rules ask to look at them.</p>
            <RowErrorsTable errors={preview.warnings} fileName="import-preview-warnings" tone="warning" />
          </section>
        ) : null}
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-semibold">If a row has an error</legend>
          <RadioGroup value={props.mode} onValueChange={(v) => props.onMode(v as ImportMode)}>
            <div className="flex items-start gap-2">
              <RadioGroupItem id={`${id}-all`} value="all-or-nothing" />
              <div>
                <Label htmlFor={`${id}-all`}>Import nothing</Label>
                <p className="text-xs text-muted-foreground">Fix the file and import it again: the data stays as it is until every row is right.</p>
              </div>
            </div>
            <div className="flex items-start gap-2">
              <RadioGroupItem id={`${id}-skip`} value="skip-invalid" />
              <div>
                <Label htmlFor={`${id}-skip`}>Skip the rows with errors</Label>
                <p className="text-xs text-muted-foreground">Import every good row and list the skipped ones.</p>
              </div>
            </div>
          </RadioGroup>
        </fieldset>
        <div className="flex justify-between gap-2">
          <Button onClick={props.onBack}>Back</Button>
          <Button variant="primary" loading={props.busy} onClick={props.onStart}>
            {props.totalRows === undefined ? "Start the import" : `Import ${formatNumber(props.totalRows)} rows`}
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
