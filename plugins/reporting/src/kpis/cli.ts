import { OpsdeckError } from "@opsdeck/core";
import { queryRows } from "@opsdeck/db";
import type { PluginCommand } from "@opsdeck/plugin-sdk";
import { sql } from "drizzle-orm";
import { KPI_KEYS, KPIS, type KpiValue } from "./catalogue.ts";
import { kpiFiltersSchema } from "./filters.ts";
import { computeKpis } from "./service.ts";

const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);

function show(value: KpiValue): string {
  if (value === null) return "—";
  if (typeof value === "object") return Object.entries(value).map(([k, v]) => `${k} ${v ?? "—"}`).join(", ");
  return String(value);
}

/**
 * `opsdeck report kpis --from <date> --to <date> [--team <name or id>] [--owner <email or id>] [--segment …]
 * [--source …] [--json]`: every KPI of the catalogue for the whole organization (the CLI acts as the system).
 */
export const kpisCommand: PluginCommand = {
  name: "kpis",
  description: "Print the KPI catalogue for a period: kpis --from YYYY-MM-DD --to YYYY-MM-DD [--team …] [--json]",
  options: [
    { name: "from", description: "First day of the period (YYYY-MM-DD)", type: "string", required: true },
    { name: "to", description: "Last day of the period (YYYY-MM-DD)", type: "string", required: true },
    { name: "team", description: "A team's name or id", type: "string" },
    { name: "owner", description: "A rep's email or user id", type: "string" },
    { name: "segment", description: "smb, mid, ent or unknown", type: "string" },
    { name: "source", description: "Lead/deal source", type: "string" },
    { name: "json", description: "Print JSON", type: "boolean", default: false },
  ],
  async run(ctx, args, io) {
    const org = ctx.tenant.organizationId;
    let teamId: string | undefined;
    let ownerId: string | undefined;
    const team = text(args.team);
    if (team) {
      const [row] = await queryRows<{ id: string }>(
        ctx.db,
        sql`select id from core.teams where organization_id = ${org}::uuid and (id::text = ${team} or lower(name) = lower(${team}))`,
      );
      if (!row) throw new OpsdeckError("NOT_FOUND", `No team "${team}" in this organization.`);
      teamId = row.id;
    }
    const owner = text(args.owner);
    if (owner) {
      const [row] = await queryRows<{ id: string }>(
        ctx.db,
        sql`select u.id from core.users u join core.memberships m on m.user_id = u.id and m.organization_id = ${org}::uuid
          where u.id::text = ${owner} or lower(u.email) = lower(${owner})`,
      );
      if (!row) throw new OpsdeckError("NOT_FOUND", `No member "${owner}" in this organization.`);
      ownerId = row.id;
    }
    const filters = kpiFiltersSchema.parse({
      from: text(args.from),
      to: text(args.to),
      teamId,
      ownerId,
      segment: text(args.segment),
      source: text(args.source),
    });
    const answer = await computeKpis(ctx, filters);
    if (args.json) {
      const { from, to, currency, kpis, asOf, source, reasons, unconverted } = answer;
      io.out(`${JSON.stringify({ from, to, currency, kpis, asOf, source, reasons, unconverted })}\n`);
      return;
    }
    io.out(`KPIs ${answer.from} … ${answer.to} in ${answer.currency} (as of ${answer.asOf}, ${answer.source})\n`);
    for (const key of KPI_KEYS) {
      const reason = answer.reasons[key];
      io.out(`${KPIS[key].label.padEnd(22)} ${show(answer.kpis[key])}${answer.kpis[key] === null && reason ? ` (${reason})` : ""}\n`);
    }
  },
};
