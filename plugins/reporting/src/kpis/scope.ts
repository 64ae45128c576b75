import { OpsdeckError, type TenantContext } from "@opsdeck/core";
import { queryRows } from "@opsdeck/db";
import { sql } from "drizzle-orm";
import type { KpiFilters } from "./filters.ts";

/**
 * Whose records a question covers, decided on the server from the caller's role and the filters:
 * a rep (or new hire) their own, a manager the people of the teams they manage (and sub-teams) and those who
 * report to them, ops/admin/owner (and system work: CLI, jobs) everyone. `ownerIds: null` means everyone,
 * including records without an owner.
 */
export interface OwnerScope {
  ownerIds: string[] | null;
  /** How the forecast of the same scope is asked for (see src/forecasts/forecast-at-cutoff.ts). */
  forecast: { org: true } | { teamId: string } | { ownerIds: string[] };
}

const SEES_EVERYTHING = new Set(["owner", "admin", "ops"]);

type Member = {
  user_id: string;
  team_id: string | null;
  manager_user_id: string | null;
};
type Team = {
  id: string;
  parent_team_id: string | null;
  manager_user_id: string | null;
};

/** The team and every team below it. */
function withSubTeams(teams: Team[], roots: string[]): Set<string> {
  const found = new Set(roots);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of teams) {
      if (t.parent_team_id && found.has(t.parent_team_id) && !found.has(t.id)) {
        found.add(t.id);
        grew = true;
      }
    }
  }
  return found;
}

/** The people a manager answers for: themselves, their teams' members, and their reports (transitively). */
function managedPeople(userId: string, members: Member[], teams: Team[]): { people: Set<string>; teams: Set<string> } {
  const managedTeams = withSubTeams(teams, teams.filter((t) => t.manager_user_id === userId).map((t) => t.id));
  const people = new Set([userId]);
  for (const m of members) if (m.team_id && managedTeams.has(m.team_id)) people.add(m.user_id);
  for (let grew = true; grew; ) {
    grew = false;
    for (const m of members) {
      if (m.manager_user_id && people.has(m.manager_user_id) && !people.has(m.user_id)) {
        people.add(m.user_id);
        grew = true;
      }
    }
  }
  return { people, teams: managedTeams };
}

export async function resolveScope(ctx: TenantContext, filters: Pick<KpiFilters, "teamId" | "ownerId">): Promise<OwnerScope> {
  const org = ctx.organizationId;
  const [members, teams] = await Promise.all([
    queryRows<Member>(ctx.db, sql`select user_id, team_id, manager_user_id from core.memberships where organization_id = ${org}::uuid`),
    queryRows<Team>(ctx.db, sql`select id, parent_team_id, manager_user_id from core.teams where organization_id = ${org}::uuid`),
  ]);
  const everything = ctx.actorUserId === null || SEES_EVERYTHING.has(ctx.role ?? "");
  let visible: Set<string> | null = null;
  let visibleTeams: Set<string> | null = null;
  if (!everything) {
    if (ctx.role === "manager") {
      const managed = managedPeople(ctx.actorUserId, members, teams);
      visible = managed.people;
      visibleTeams = managed.teams;
    } else {
      visible = new Set([ctx.actorUserId]);
      visibleTeams = new Set();
    }
  }

  let selected: Set<string> | null = visible;
  let forecast: OwnerScope["forecast"] = visible ? { ownerIds: [...visible] } : { org: true };
  if (filters.teamId) {
    if (!teams.some((t) => t.id === filters.teamId)) throw new OpsdeckError("NOT_FOUND", "Team was not found.");
    if (visibleTeams && !visibleTeams.has(filters.teamId)) {
      throw new OpsdeckError("FORBIDDEN", "You can see the numbers of your own teams only.");
    }
    const inTeam = withSubTeams(teams, [filters.teamId]);
    selected = new Set(members.filter((m) => m.team_id && inTeam.has(m.team_id)).map((m) => m.user_id));
    forecast = { teamId: filters.teamId };
  }
  if (filters.ownerId) {
    if (!members.some((m) => m.user_id === filters.ownerId)) throw new OpsdeckError("NOT_FOUND", "That person is not a member.");
    if (visible && !visible.has(filters.ownerId)) throw new OpsdeckError("FORBIDDEN", "You can see your own numbers only.");
    selected = selected && !selected.has(filters.ownerId) ? new Set() : new Set([filters.ownerId]);
    forecast = { ownerIds: [filters.ownerId] };
  }
  return { ownerIds: selected ? [...selected].sort() : null, forecast };
}
