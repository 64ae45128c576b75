import { useOrganization } from "@opsdeck/plugin-sdk/web";
import { Card, CardContent, CardHeader, CardTitle, formatPercent, StatTile } from "@opsdeck/ui";
import type { Filters } from "./api.ts";
import { KPIS, STAGE_PAIRS, type KpiKey, type StagePair } from "../../kpis/catalogue.ts";
import type { KpiAnswerView } from "./api.ts";
import type { OpenDrill } from "./drill.ts";
import { formatKpi } from "./format.ts";

const PAIR_LABELS: Record<StagePair, string> = {
  prospecting_to_qualification: "Prospecting → Qualification",
  qualification_to_needs_analysis: "Qualification → Needs analysis",
  needs_analysis_to_proposal: "Needs analysis → Proposal",
  proposal_to_negotiation: "Proposal → Negotiation",
  negotiation_to_closed_won: "Negotiation → Won",
};

/** One KPI as a tile; a click lists the records behind it. A null value says why. */
export function KpiTile(props: { kpi: KpiKey; answer: KpiAnswerView | undefined; loading: boolean; filters: Filters; onDrill: OpenDrill; title?: string }) {
  const { currency } = useOrganization();
  const def = KPIS[props.kpi];
  if (def.format === "stages") return <StageConversion {...props} />;
  const value = props.answer?.kpis[props.kpi] ?? null;
  const reason = props.answer?.reasons[props.kpi];
  return (
    <StatTile
      label={props.title ?? def.label}
      loading={props.loading}
      value={
        <span title={value === null ? reason : def.help}>
          {formatKpi(props.kpi, value, currency, true)}
          {value === null && reason ? <span className="mt-1 block text-xs font-normal text-muted-foreground">{reason}</span> : null}
        </span>
      }
      onClick={() => props.onDrill({ title: def.label, kpi: props.kpi, filters: props.filters })}
      className="h-full w-full"
    />
  );
}

function StageConversion(props: { answer: KpiAnswerView | undefined; loading: boolean; filters: Filters; onDrill: OpenDrill; title?: string }) {
  const stages = props.answer?.kpis.stage_conversion as Record<StagePair, string | null> | null | undefined;
  return (
    <Card className="h-full">
      <CardHeader>
        <CardTitle>{props.title ?? "Stage conversion"}</CardTitle>
      </CardHeader>
      <CardContent>
        <ul className="flex flex-col gap-2">
          {STAGE_PAIRS.map((pair) => {
            const value = stages?.[pair] ?? null;
            const share = value === null ? 0 : Math.min(100, Number(value) * 100);
            return (
              <li key={pair}>
                <button
                  type="button"
                  className="flex w-full flex-col gap-1 rounded-sm text-left outline-none focus-visible:ring-2 focus-visible:ring-ring"
                  onClick={() => props.onDrill({ title: `Deals created in the period (${PAIR_LABELS[pair]})`, kpi: "stage_conversion", filters: props.filters })}
                >
                  <span className="flex justify-between text-sm">
                    <span className="text-muted-foreground">{PAIR_LABELS[pair]}</span>
                    <span className="font-medium tabular-nums">{props.loading ? "…" : value === null ? "—" : formatPercent(value, { fractionDigits: 0 })}</span>
                  </span>
                  <span className="h-1.5 w-full overflow-hidden rounded-full bg-muted" aria-hidden="true">
                    <span className="block h-full rounded-full bg-primary" style={{ width: `${share}%` }} />
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </CardContent>
    </Card>
  );
}
