import { Checkbox, cn, formatDate, useLinkComponent } from "@opsdeck/ui";
import { display, FIELD_LABELS, recordHref, recordLabel } from "./api.ts";

export interface ComparedRecord {
  id: string;
  kind: string;
  createdAt: Date | string;
  updatedAt: Date | string;
  deletedAt?: Date | string | null;
  related: Record<string, number>;
  [field: string]: unknown;
}

export interface ComparisonTableProps {
  records: ComparedRecord[];
  fields: readonly string[];
  /** Names of referenced accounts and owners by id. */
  references: Record<string, string>;
  /** Editable picks (an open cluster of a mergeable entity); read-only otherwise. */
  editable: boolean;
  survivorId: string | null;
  picks: Record<string, string>;
  included: ReadonlySet<string>;
  onSurvivor: (id: string) => void;
  onPick: (field: string, id: string) => void;
  onInclude: (id: string, included: boolean) => void;
}

/** The records side by side, one column each; per field a radio picks the value the survivor keeps. */
export function ComparisonTable(props: ComparisonTableProps) {
  const { records, fields, editable, survivorId, picks, included } = props;
  const Link = useLinkComponent();
  const shown = fields.length ? fields : Object.keys(records[0] ?? {}).filter((k) => FIELD_LABELS[k]);
  const relatedKeys = [...new Set(records.flatMap((r) => Object.keys(r.related)))];
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">The records of this cluster side by side</caption>
        <thead>
          <tr className="border-b border-border align-top">
            <th scope="col" className="w-40 py-2 pr-4 text-left font-medium text-muted-foreground">
              Field
            </th>
            {records.map((r) => (
              <th key={r.id} scope="col" className={cn("min-w-52 px-3 py-2 text-left font-normal", r.id === survivorId && "bg-primary/5")}>
                <Link href={recordHref(r.kind, r.id)} className="font-medium text-primary hover:underline">
                  {recordLabel(r)}
                </Link>
                <div className="mt-0.5 text-xs text-muted-foreground">
                  {r.kind === "leads" ? "Lead · " : ""}created {formatDate(r.createdAt)} · updated {formatDate(r.updatedAt)}
                  {r.deletedAt ? " · merged away" : ""}
                </div>
                {editable ? (
                  <div className="mt-2 flex flex-wrap items-center gap-3 text-xs">
                    <label className="inline-flex items-center gap-1.5">
                      <input
                        type="radio"
                        name="survivor"
                        checked={r.id === survivorId}
                        disabled={!included.has(r.id)}
                        onChange={() => props.onSurvivor(r.id)}
                        className="accent-[var(--color-primary)]"
                      />
                      Survivor
                    </label>
                    <label className="inline-flex items-center gap-1.5">
                      <Checkbox checked={included.has(r.id)} onCheckedChange={(v) => props.onInclude(r.id, v === true)} aria-label={`Include ${recordLabel(r)} in the merge`} />
                      Include
                    </label>
                  </div>
                ) : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((field) => {
            const values = records.map((r) => {
              const v = r[field];
              return typeof v === "string" && props.references[v] ? props.references[v] : display(v);
            });
            const differs = new Set(values.filter((v) => v !== "—")).size > 1;
            return (
              <tr key={field} className={cn("border-b border-border/60", differs && "bg-amber-500/5")}>
                <th scope="row" className="py-1.5 pr-4 text-left font-medium text-muted-foreground">
                  {FIELD_LABELS[field] ?? field}
                  {differs ? <span className="sr-only"> (values differ)</span> : null}
                </th>
                {records.map((r, i) => {
                  const picked = picks[field] === r.id;
                  return (
                    <td key={r.id} className={cn("px-3 py-1.5", r.id === survivorId && "bg-primary/5")}>
                      {editable ? (
                        <label className={cn("inline-flex items-center gap-2", !included.has(r.id) && "opacity-50")}>
                          <input
                            type="radio"
                            name={`pick-${field}`}
                            checked={picked}
                            disabled={!included.has(r.id)}
                            onChange={() => props.onPick(field, r.id)}
                            aria-label={`${FIELD_LABELS[field] ?? field}: keep ${values[i]}`}
                            className="accent-[var(--color-primary)]"
                          />
                          <span className={cn("break-all", picked ? "font-medium text-foreground" : "text-muted-foreground")}>{values[i]}</span>
                        </label>
                      ) : (
                        <span className="break-all">{values[i]}</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {relatedKeys.map((key) => (
            <tr key={key} className="border-b border-border/60">
              <th scope="row" className="py-1.5 pr-4 text-left font-medium text-muted-foreground">
                Related {key}
              </th>
              {records.map((r) => (
                <td key={r.id} className={cn("px-3 py-1.5 tabular-nums", r.id === survivorId && "bg-primary/5")}>
                  {r.related[key] ?? 0}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
