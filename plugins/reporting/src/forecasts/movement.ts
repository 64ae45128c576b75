import { MoneyDecimal, OpsdeckError } from "@opsdeck/core";
import { queryRows } from "@opsdeck/db";
import { sql } from "drizzle-orm";
import type { ReportsContext } from "../reports/context.ts";
import { ownerFilter, visibleOwnerIds } from "../reports/visibility.ts";

export const MOVEMENT_KINDS = ["came_in", "slipped", "won", "lost", "removed", "changed"] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export interface MovementLine {
  opportunityId: string;
  name: string | null;
  ownerId: string | null;
  kind: MovementKind;
  /** Amount in the organization's currency in the earlier / later snapshot (null when absent). */
  before: string | null;
  after: string | null;
  closeDateBefore: string | null;
  closeDateAfter: string | null;
  stageBefore: string | null;
  stageAfter: string | null;
}

export interface PipelineMovement {
  from: string;
  to: string;
  period: { startsOn: string; endsOn: string };
  currency: string;
  start: string;
  end: string;
  totals: Record<MovementKind, { count: number; amount: string }>;
  lines: MovementLine[];
}

/**
 * What happened to a period's pipeline between two snapshots. The pipeline of a snapshot is its open
 * deals with a close date in the period. Between `from` and `to`:
 * - came_in: in the later pipeline, not the earlier (new, or pulled into the period) — amount = later amount;
 * - slipped: in the earlier, still open later but with a close date out of the period;
 * - won / lost: in the earlier, closed won / lost after the earlier snapshot and by the later one;
 * - removed: in the earlier, gone from the later without a close (deleted, or closed after `to`… not possible);
 * - changed: in both, amount changed — amount = later − earlier.
 * So start + came_in − slipped − won − lost − removed + changed = end, exactly.
 */
export async function pipelineMovement(
  ctx: ReportsContext,
  input: { from: string; to: string; periodStart: string; periodEnd: string; ownerIds?: string[] | undefined },
): Promise<PipelineMovement> {
  const org = ctx.tenant.organizationId;
  const snaps = await queryRows<{ id: string; taken_on: string }>(
    ctx.tenant.db,
    sql`select id::text as id, taken_on::text as taken_on from plugin_reporting.pipeline_snapshots
        where organization_id = ${org}::uuid and taken_on in (${input.from}::date, ${input.to}::date)`,
  );
  const a = snaps.find((s) => s.taken_on === input.from);
  const b = snaps.find((s) => s.taken_on === input.to);
  if (!a || !b) throw new OpsdeckError("NOT_FOUND", "No snapshot was taken on that day.");
  if (input.from >= input.to) throw new OpsdeckError("BAD_REQUEST", "Pick an earlier week first.");
  const visible = await visibleOwnerIds(ctx.tenant);
  const owners = input.ownerIds?.length ? (visible === null ? input.ownerIds : input.ownerIds.filter((id) => visible.includes(id))) : visible;
  const inPeriod = (alias: string) => sql`${sql.raw(alias)}.close_date between ${input.periodStart}::date and ${input.periodEnd}::date`;
  const rows = await queryRows<{
    opportunity_id: string; name: string | null; owner_id: string | null;
    a_amount: string | null; b_amount: string | null; a_close: string | null; b_close: string | null;
    a_stage: string | null; b_stage: string | null; a_in: boolean | null; b_in: boolean | null; b_open: boolean;
    is_won: boolean | null; is_closed: boolean | null; closed_at: Date | string | null;
  }>(
    ctx.tenant.db,
    sql`with ra as (select * from plugin_reporting.pipeline_snapshot_rows where snapshot_id = ${a.id}::uuid and organization_id = ${org}::uuid),
             rb as (select * from plugin_reporting.pipeline_snapshot_rows where snapshot_id = ${b.id}::uuid and organization_id = ${org}::uuid)
        select coalesce(ra.opportunity_id, rb.opportunity_id)::text as opportunity_id, o.name, coalesce(rb.owner_id, ra.owner_id)::text as owner_id,
               ra.amount_org::text as a_amount, rb.amount_org::text as b_amount, ra.close_date::text as a_close, rb.close_date::text as b_close,
               ra.stage as a_stage, rb.stage as b_stage, ${inPeriod("ra")} as a_in, ${inPeriod("rb")} as b_in, rb.opportunity_id is not null as b_open,
               o.is_won, o.is_closed, o.closed_at
        from ra full join rb on rb.opportunity_id = ra.opportunity_id
        left join core.opportunities o on o.id = coalesce(ra.opportunity_id, rb.opportunity_id) and o.organization_id = ${org}::uuid
        where (${inPeriod("ra")} or ${inPeriod("rb")}) and ${ownerFilter("coalesce(rb.owner_id, ra.owner_id)", owners ?? null)}
        order by o.name, 1`,
  );
  const money = (v: string | null) => (v === null ? null : new MoneyDecimal(v));
  const totals = Object.fromEntries(MOVEMENT_KINDS.map((k) => [k, { count: 0, amount: new MoneyDecimal(0) }])) as Record<MovementKind, { count: number; amount: InstanceType<typeof MoneyDecimal> }>;
  let start = new MoneyDecimal(0);
  let end = new MoneyDecimal(0);
  const toTime = new Date(`${input.to}T00:00:00Z`).getTime() + 86_400_000;
  const lines: MovementLine[] = [];
  for (const r of rows) {
    const before = r.a_in ? (money(r.a_amount) ?? new MoneyDecimal(0)) : null;
    const after = r.b_in ? (money(r.b_amount) ?? new MoneyDecimal(0)) : null;
    if (before) start = start.plus(before);
    if (after) end = end.plus(after);
    let kind: MovementKind | null = null;
    let delta = new MoneyDecimal(0);
    if (!before && after) [kind, delta] = ["came_in", after];
    else if (before && after) {
      if (!after.equals(before)) [kind, delta] = ["changed", after.minus(before)];
    } else if (before) {
      const closedBy = r.is_closed && r.closed_at && new Date(r.closed_at).getTime() < toTime;
      if (r.b_open) kind = "slipped";
      else if (closedBy) kind = r.is_won ? "won" : "lost";
      else kind = "removed";
      delta = before;
    }
    if (!kind) continue;
    totals[kind].count += 1;
    totals[kind].amount = totals[kind].amount.plus(delta);
    lines.push({
      opportunityId: r.opportunity_id,
      name: r.name,
      ownerId: r.owner_id,
      kind,
      before: before ? before.toFixed(2) : null,
      after: after ? after.toFixed(2) : null,
      closeDateBefore: r.a_close,
      closeDateAfter: r.b_close,
      stageBefore: r.a_stage,
      stageAfter: r.b_stage,
    });
  }
  const fixed = (d: InstanceType<typeof MoneyDecimal>) => d.toFixed(2, MoneyDecimal.ROUND_HALF_EVEN);
  return {
    from: input.from,
    to: input.to,
    period: { startsOn: input.periodStart, endsOn: input.periodEnd },
    currency: ctx.organization.currency,
    start: fixed(start),
    end: fixed(end),
    totals: Object.fromEntries(MOVEMENT_KINDS.map((k) => [k, { count: totals[k].count, amount: fixed(totals[k].amount) }])) as PipelineMovement["totals"],
    lines,
  };
}
