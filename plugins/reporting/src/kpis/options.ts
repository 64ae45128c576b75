import type { TenantContext } from "@opsdeck/core";
import { queryRows } from "@opsdeck/db";
import { sql } from "drizzle-orm";
import { SEGMENTS } from "../aggregates/facts.ts";
import { resolveScope } from "./scope.ts";

export const SEGMENT_LABELS: Record<(typeof SEGMENTS)[number], string> = {
  smb: "SMB (under 200 employees)",
  mid: "Mid-market (200–999)",
  ent: "Enterprise (1,000+)",
  unknown: "Unknown size",
};

/** What the filter bar offers the caller: only the teams and people they may see. */
export async function filterOptions(ctx: TenantContext) {
  const scope = await resolveScope(ctx, {});
  const visible = scope.ownerIds ? new Set(scope.ownerIds) : null;
  const [teams, people, sources] = await Promise.all([
    queryRows<{ id: string; name: string; manager_user_id: string | null; parent_team_id: string | null }>(
      ctx.db,
      sql`select id, name, manager_user_id, parent_team_id from core.teams where organization_id = ${ctx.organizationId}::uuid order by name`,
    ),
    queryRows<{ user_id: string; name: string; team_id: string | null; role: string; deactivated: boolean }>(
      ctx.db,
      sql`select m.user_id, u.name, m.team_id, m.role, m.deactivated_at is not null as deactivated
        from core.memberships m join core.users u on u.id = m.user_id
        where m.organization_id = ${ctx.organizationId}::uuid order by u.name`,
    ),
    queryRows<{ source: string }>(
      ctx.db,
      sql`select distinct source from (
          select source from core.opportunities where organization_id = ${ctx.organizationId}::uuid and source is not null
          union select source from core.leads where organization_id = ${ctx.organizationId}::uuid and source is not null) s
        order by source limit 100`,
    ),
  ]);
  // Teams the caller may filter by: all of them for everyone-scope, a manager's own teams and their sub-teams.
  const allowed = new Set<string>(visible ? teams.filter((t) => t.manager_user_id === ctx.actorUserId).map((t) => t.id) : teams.map((t) => t.id));
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of teams) {
      if (t.parent_team_id && allowed.has(t.parent_team_id) && !allowed.has(t.id)) {
        allowed.add(t.id);
        grew = true;
      }
    }
  }
  return {
    teams: teams.filter((t) => allowed.has(t.id)).map((t) => ({ id: t.id, name: t.name })),
    people: people
      .filter((p) => !visible || visible.has(p.user_id))
      .map((p) => ({ id: p.user_id, name: p.name, teamId: p.team_id, role: p.role, active: !p.deactivated })),
    segments: SEGMENTS.map((id) => ({ id, name: SEGMENT_LABELS[id] })),
    sources: sources.map((s) => s.source),
    /** Territories come from the territories plugin, which is not installed. */
    territories: [] as { id: string; name: string }[],
  };
}
