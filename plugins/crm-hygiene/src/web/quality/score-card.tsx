import { Badge, Card, CardContent, CardDescription, CardHeader, CardTitle, LineChart } from "@opsdeck/ui";
import { formatScore, scoreTone, shortDay } from "./api.ts";

interface TrendPoint {
  day: string;
  score: number;
}

/** The score, its change over the trend, and the trend chart. */
export function ScoreCard({ score, day, trend, previous }: { score: number | null; day: string | null; trend: readonly TrendPoint[]; previous: number | null }) {
  const change = score != null && previous != null ? score - previous : null;
  return (
    <Card className="lg:col-span-2">
      <CardHeader>
        <CardTitle>Data-quality score</CardTitle>
        <CardDescription>{day ? `Latest scan ${day}. 100 means every record passes every check.` : "No scan yet."}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <div className="flex items-baseline gap-3">
          <span className="text-4xl font-semibold tabular-nums">{formatScore(score)}</span>
          <Badge tone={scoreTone(score)}>{score == null ? "No data" : score >= 90 ? "Good" : score >= 75 ? "Fair" : "Poor"}</Badge>
          {change != null ? (
            <span className={change >= 0 ? "text-sm text-success" : "text-sm text-destructive"}>
              {change >= 0 ? "+" : ""}
              {change.toFixed(1)} since {shortDay(trend[0]!.day)}
            </span>
          ) : null}
        </div>
        <LineChart
          label="Data-quality score by day"
          data={trend.map((p) => ({ day: p.day, score: p.score }))}
          xKey="day"
          series={[{ key: "score", label: "Score" }]}
          xFormatter={shortDay}
          valueFormatter={(v) => Number(v).toFixed(1)}
          height={220}
        />
        {trend.length < 2 ? <p className="text-xs text-muted-foreground">The trend grows by one point a day as the daily scan runs.</p> : null}
      </CardContent>
    </Card>
  );
}
