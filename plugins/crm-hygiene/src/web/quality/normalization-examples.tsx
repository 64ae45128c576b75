import { EmptyState, useLinkComponent } from "@opsdeck/ui";
import { recordHref } from "./api.ts";

interface Example {
  entity: string;
  recordId: string;
  label: string | null;
  field: string;
}

const FIELD_LABELS: Record<string, string> = {
  first_name: "First name",
  last_name: "Last name",
  legal_form: "Legal form",
  postal_code: "Postal code",
};
const fieldLabel = (f: string) => FIELD_LABELS[f] ?? f.charAt(0).toUpperCase() + f.slice(1);

function RecordCell({ example }: { example: Example }) {
  const Link = useLinkComponent();
  return (
    <Link href={recordHref(example.entity, example.recordId)} className="font-medium text-primary hover:underline focus-visible:underline">
      {example.label ?? "(no name)"}
    </Link>
  );
}

const cell = "px-3 py-2 align-top";
const head = "px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-muted-foreground";

/** Examples of changes: the record, the field, before → after. */
export function ChangeExamples({ examples }: { examples: readonly (Example & { before: string | null; after: string | null })[] }) {
  if (!examples.length) return <EmptyState size="compact" title="Nothing to change" text="Every value already follows this rule." />;
  return (
    <section aria-label="Examples of changes" className="space-y-2">
      <h3 className="text-sm font-medium">Examples</h3>
      <div className="overflow-x-auto rounded-md border border-border">
        <table className="w-full text-sm">
          <thead className="bg-muted/50">
            <tr>
              <th className={head}>Record</th>
              <th className={head}>Field</th>
              <th className={head}>Now</th>
              <th className={head}>After</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {examples.map((e) => (
              <tr key={`${e.recordId}:${e.field}`}>
                <td className={cell}>
                  <RecordCell example={e} />
                </td>
                <td className={cell}>{fieldLabel(e.field)}</td>
                <td className={`${cell} font-mono text-xs text-muted-foreground`}>{e.before ?? "—"}</td>
                <td className={`${cell} font-mono text-xs`}>{e.after ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Values the rule cannot read: listed for a person to fix, never changed. */
export function InvalidExamples({ examples }: { examples: readonly (Example & { value: string; reason: string })[] }) {
  if (!examples.length) return null;
  return (
    <section aria-label="Values it cannot read" className="space-y-2">
      <h3 className="text-sm font-medium">Left as they are</h3>
      <p className="text-xs text-muted-foreground">These values cannot be read; the run does not touch them. Fix them on the record.</p>
      <div className="overflow-x-auto rounded-md border border-border">
        <table className="w-full text-sm">
          <thead className="bg-muted/50">
            <tr>
              <th className={head}>Record</th>
              <th className={head}>Field</th>
              <th className={head}>Value</th>
              <th className={head}>Why</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {examples.map((e) => (
              <tr key={`${e.recordId}:${e.field}`}>
                <td className={cell}>
                  <RecordCell example={e} />
                </td>
                <td className={cell}>{fieldLabel(e.field)}</td>
                <td className={`${cell} font-mono text-xs`}>{e.value}</td>
                <td className={`${cell} text-muted-foreground`}>{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
