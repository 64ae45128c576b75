import { useOrganization } from "@opsdeck/plugin-sdk/web";
import { Button, DateRangePicker, Select } from "@opsdeck/ui";
import { useQuery } from "@tanstack/react-query";
import { format, parseISO } from "date-fns";
import { X } from "lucide-react";
import type { Filters } from "./api.ts";
import { useDashboardQueries } from "./api.ts";
import type { DashboardSearch } from "./search.ts";

const ALL = "all";

/** The shared filters of a dashboard (period, team, rep, segment, source), written to the URL. */
export function FilterBar({ filters, onChange }: { filters: Filters; onChange: (patch: Partial<DashboardSearch>) => void }) {
  const q = useDashboardQueries();
  const { fiscalYearStartMonth } = useOrganization();
  const options = useQuery(q.kpis.filterOptions.queryOptions());
  const data = options.data;
  const pick = (value: string) => (value === ALL ? undefined : value);
  const people = (data?.people ?? []).filter((p) => !filters.teamId || p.teamId === filters.teamId);
  const filtered = Boolean(filters.teamId || filters.ownerId || filters.segment || filters.source);
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Dashboard filters">
      <DateRangePicker
        aria-label="Period"
        value={{ from: parseISO(filters.from), to: parseISO(filters.to) }}
        fiscalYearStartMonth={fiscalYearStartMonth}
        onChange={(range) => range && onChange({ from: format(range.from, "yyyy-MM-dd"), to: format(range.to, "yyyy-MM-dd") })}
      />
      {data && data.teams.length > 0 ? (
        <Select
          aria-label="Team"
          size="sm"
          className="w-44"
          value={filters.teamId ?? ALL}
          onValueChange={(v) => onChange({ teamId: pick(v), ownerId: undefined })}
          options={[{ value: ALL, label: "All teams" }, ...data.teams.map((t) => ({ value: t.id, label: t.name }))]}
        />
      ) : null}
      {data && data.people.length > 1 ? (
        <Select
          aria-label="Rep"
          size="sm"
          className="w-44"
          value={filters.ownerId ?? ALL}
          onValueChange={(v) => onChange({ ownerId: pick(v) })}
          options={[{ value: ALL, label: "All reps" }, ...people.map((p) => ({ value: p.id, label: p.active ? p.name : `${p.name} (left)` }))]}
        />
      ) : null}
      <Select
        aria-label="Segment"
        size="sm"
        className="w-48"
        value={filters.segment ?? ALL}
        onValueChange={(v) => onChange({ segment: pick(v) as DashboardSearch["segment"] })}
        options={[{ value: ALL, label: "All segments" }, ...(data?.segments ?? []).map((s) => ({ value: s.id, label: s.name }))]}
      />
      <Select
        aria-label="Source"
        size="sm"
        className="w-40"
        value={filters.source ?? ALL}
        onValueChange={(v) => onChange({ source: pick(v) })}
        options={[{ value: ALL, label: "All sources" }, ...(data?.sources ?? []).map((s) => ({ value: s, label: s }))]}
      />
      {filtered ? (
        <Button variant="ghost" size="sm" onClick={() => onChange({ teamId: undefined, ownerId: undefined, segment: undefined, source: undefined })}>
          <X aria-hidden="true" /> Clear filters
        </Button>
      ) : null}
    </div>
  );
}
