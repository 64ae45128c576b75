import { queryRows } from "@opsdeck/db";
import type { TenantContext } from "@opsdeck/core";
import { sql } from "drizzle-orm";
import { resolveScope } from "../kpis/scope.ts";

/**
 * Whose records a member may see in reports and forecasts: `null` means everyone's (owner, admin, ops);
 * a manager sees their own and their team's (people whose manager they are, and members of teams they
 * manage); everyone else sees only their own. The same rule as the dashboards' (docs/plugins/reporting.md).
 */
export async function visibleOwnerIds(ctx: TenantContext): Promise<string[] | null> {
  // One rule for the whole plugin: the dashboards' scope (sub-teams and indirect reports included).
  return (await resolveScope(ctx, {})).ownerIds;
}

/** Members (active or not: they may still own records) who report to a manager directly or through a team they manage. */
export async function teamMemberIds(ctx: TenantContext, managerUserId: string): Promise<string[]> {
  const rows = await queryRows<{ user_id: string }>(
    ctx.db,
    sql`select m.user_id::text as user_id from core.memberships m
        where m.organization_id = ${ctx.organizationId}::uuid and m.user_id <> ${managerUserId}::uuid
          and (m.manager_user_id = ${managerUserId}::uuid
               or m.team_id in (select t.id from core.teams t where t.organization_id = ${ctx.organizationId}::uuid and t.manager_user_id = ${managerUserId}::uuid))
        order by m.user_id`,
  );
  return rows.map((r) => r.user_id);
}

/** An SQL condition limiting an owner column to what the member may see (`true` for everyone's). */
export function ownerFilter(column: string, owners: string[] | null) {
  if (owners === null) return sql`true`;
  return sql`${sql.raw(column)} in (select value::uuid from json_array_elements_text(${JSON.stringify(owners)}::json))`;
}
