import type { ReactNode } from "react";

export interface SimpleColumn<T> {
  key: string;
  label: string;
  align?: "left" | "right";
  render: (row: T) => ReactNode;
}

/** A compact read-only table for small result sets inside cards. */
export function SimpleTable<T>({ columns, rows, rowKey, empty }: { columns: SimpleColumn<T>[]; rows: readonly T[]; rowKey: (row: T, i: number) => string; empty?: ReactNode }) {
  if (!rows.length) return <div className="px-4 py-8 text-center text-sm text-muted-foreground">{empty ?? "Nothing to show."}</div>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <thead>
          <tr className="border-b border-border text-left text-xs font-medium uppercase tracking-wide text-muted-foreground">
            {columns.map((c) => (
              <th key={c.key} className={`px-3 py-2 ${c.align === "right" ? "text-right" : ""}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={rowKey(row, i)} className="border-b border-border/60 last:border-0 hover:bg-muted/40">
              {columns.map((c) => (
                <td key={c.key} className={`px-3 py-2 ${c.align === "right" ? "text-right tabular-nums" : ""}`}>
                  {c.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
