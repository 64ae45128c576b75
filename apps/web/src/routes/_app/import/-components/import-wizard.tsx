import { toast } from "@opsdeck/ui";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { Page } from "../../../../components/page.tsx";
import { errorMessage } from "../../../../lib/http.ts";
import { sampleCsv } from "./csv-sample.ts";
import { previewImport, startImport, uploadImport, type ImportEntity, type ImportMappingInput, type ImportMode, type PreviewResult, type Upload } from "./import-api.ts";
import { MappingStep, type ColumnMapping } from "./mapping-step.tsx";
import { ReviewStep } from "./review-step.tsx";
import { UploadStep } from "./upload-step.tsx";
import { WizardSteps } from "./wizard-steps.tsx";

/** Files up to this size are read in the browser to count their rows; bigger ones are only sent. */
const COUNT_ROWS_UP_TO = 20 * 1024 * 1024;

interface Loaded {
  file: File;
  upload: Upload;
  /** Data rows in the file, when counted. */
  totalRows: number | undefined;
}

/**
 * The import wizard, as in HubSpot's and Salesforce's: upload a CSV, map its columns (matched by name and
 * alias, or as last time for the same headers), review the first rows with their errors, then import as a
 * background job and follow it on the result page.
 */
export function ImportWizard() {
  const search = useSearch({ from: "/_app/import/" });
  const navigate = useNavigate();
  const [entity, setEntity] = useState<ImportEntity>(search.entity ?? "contacts");
  const [step, setStep] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [reviewed, setReviewed] = useState<PreviewResult | null>(null);
  const [mode, setMode] = useState<ImportMode>("skip-invalid");
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const onFile = (file: File) =>
    run(async () => {
      const totalRows = file.size <= COUNT_ROWS_UP_TO ? sampleCsv(await file.text(), 0).totalRows : undefined;
      if (totalRows === 0) throw new Error("The file has a header but no rows.");
      const upload = await uploadImport({ entity, file, fileName: file.name });
      setLoaded({ file, upload, totalRows });
      setMapping({ ...Object.fromEntries(upload.preview.headers.map((h) => [h, null])), ...upload.preview.mapping.columns });
      setStep(1);
    });

  const onReview = (chosen: ImportMappingInput) =>
    run(async () => {
      const preview = await previewImport({ uploadId: loaded!.upload.uploadId, entity, mapping: chosen });
      if (preview.mappingError) throw new Error(preview.mappingError);
      setReviewed(preview);
      setStep(2);
    });

  const onStart = () =>
    run(async () => {
      const job = await startImport({ uploadId: loaded!.upload.uploadId, entity, fileName: loaded!.file.name, mapping: { columns: mapping }, mode });
      setStep(3);
      await navigate({ to: "/import/$jobId", params: { jobId: job.id } });
    });

  return (
    <Page
      title="Import data"
      description={
        loaded
          ? `${loaded.file.name} · ${loaded.totalRows === undefined ? `${(loaded.file.size / 1024 / 1024).toFixed(0)} MB` : `${loaded.totalRows.toLocaleString()} rows`}`
          : "Bring accounts, contacts, leads, opportunities, activities or users from a CSV file."
      }
      header={<WizardSteps current={step} />}
    >
      {step === 0 ? (
        <UploadStep entity={entity} onEntity={setEntity} onFile={(file) => void onFile(file)} busy={busy} />
      ) : step === 1 && loaded ? (
        <MappingStep
          upload={loaded.upload}
          mapping={mapping}
          onChange={setMapping}
          onBack={() => setStep(0)}
          onNext={(chosen) => void onReview(chosen)}
          busy={busy}
        />
      ) : reviewed && loaded ? (
        <ReviewStep preview={reviewed} totalRows={loaded.totalRows} mode={mode} onMode={setMode} onBack={() => setStep(1)} onStart={() => void onStart()} busy={busy} />
      ) : null}
    </Page>
  );
}
