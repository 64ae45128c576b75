import { Button, Card, CardContent, Label, Select, cn } from "@opsdeck/ui";
import { FileUp } from "lucide-react";
import { useId, useRef, useState } from "react";
import { IMPORTABLE, type ImportEntity } from "./import-api.ts";

/** The largest file the browser sends; bigger ones go through `opsdeck import` on the server. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/** Step 1: what to import and which file (chosen or dropped). */
export function UploadStep({ entity, onEntity, onFile, busy }: { entity: ImportEntity; onEntity: (e: ImportEntity) => void; onFile: (file: File) => void; busy: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const entityId = useId();
  const take = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return setProblem(`The file is ${(file.size / 1024 / 1024).toFixed(0)} MB; the limit here is 100 MB. Use \`opsdeck import\` for bigger files.`);
    if (file.size === 0) return setProblem("The file is empty.");
    setProblem(null);
    onFile(file);
  };
  return (
    <Card>
      <CardContent className="flex flex-col gap-5 pt-5">
        <div className="flex max-w-xs flex-col gap-1.5">
          <Label htmlFor={entityId}>What are you importing?</Label>
          <Select id={entityId} options={IMPORTABLE.map((i) => ({ value: i.entity, label: i.label }))} value={entity} onValueChange={(v) => onEntity(v as ImportEntity)} />
          <p className="text-xs text-muted-foreground">Import accounts before the contacts and opportunities that belong to them.</p>
        </div>
        <div
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(false);
            take(e.dataTransfer.files[0]);
          }}
          className={cn("flex flex-col items-center gap-3 rounded-lg border-2 border-dashed px-6 py-10 text-center transition-colors", over ? "border-primary bg-primary/5" : "border-border")}
        >
          <FileUp className="size-8 text-muted-foreground" aria-hidden="true" />
          <div className="flex flex-col gap-1">
            <p className="text-sm font-medium">Drop a CSV file here</p>
            <p className="text-xs text-muted-foreground">Exports of Salesforce and HubSpot work as they are: their column names are recognized.</p>
          </div>
          <input
            ref={input}
            type="file"
            accept=".csv,text/csv"
            className="sr-only"
            aria-label="CSV file"
            onChange={(e) => {
              take(e.target.files?.[0]);
              e.target.value = "";
            }}
          />
          <Button variant="primary" loading={busy} onClick={() => input.current?.click()}>
            Choose a file
          </Button>
          {problem ? (
            <p role="alert" className="text-sm text-destructive">
              {problem}
            </p>
          ) : null}
        </div>
      </CardContent>
    </Card>
  );
}
