import type { Role } from "../domain/roles.ts";
import type { IdFactory } from "./ids.ts";
import { weighted, type Rng, type WeightedTable } from "./random.ts";
import type { ScaleSpec } from "./scales.ts";
import { DAY, HOUR, type SeedClock } from "./time.ts";
import { TEAM_LAYOUTS, type TeamLayout } from "./territories.ts";
import { COUNTRY_BY_CODE } from "./vocabulary/countries.ts";
import { asciiSlug, firstNameFrom, type NamePool } from "./vocabulary/names.ts";

export type PersonKind = "owner" | "admin" | "ops" | "manager" | "ae" | "sdr" | "new_hire" | "former";

/** A seeded member of the organization. */
export interface SeedPerson {
  id: string;
  email: string;
  name: string;
  role: Role;
  kind: PersonKind;
  title: string;
  teamIndex: number | null;
  managerId: string | null;
  /** Start date (ms); membership and user rows are created then. */
  startedAt: number;
  deactivatedAt: number | null;
}

export interface SeedTeam extends TeamLayout {
  id: string;
  managerId: string;
  /** Who owns the team's accounts and deals (reps, a little for new hires and people who left). */
  accountOwners: WeightedTable<string>;
  /** Who works the team's leads (SDRs, new hires). */
  leadOwners: WeightedTable<string>;
  /** Account executives and sales development reps (who work leads). */
  aes: string[];
  sdrs: string[];
  /** Everyone who carries a quota in the team. */
  sellers: string[];
}

export interface PeoplePlan {
  people: SeedPerson[];
  teams: SeedTeam[];
  owner: SeedPerson;
}

const SDR_SHARE = 0.25;

/** Plans the organization's people: leadership, one manager per team, reps, SDRs, new hires, leavers. */
export function planPeople(
  spec: ScaleSpec,
  slug: string,
  clock: SeedClock,
  ids: IdFactory,
  pools: Record<string, NamePool>,
  rng: Rng,
): PeoplePlan {
  const layout = TEAM_LAYOUTS[spec.teams];
  if (!layout) throw new Error(`No team layout for ${spec.teams} teams`);
  const emails = new Set<string>();
  const people: SeedPerson[] = [];
  const yearsAgo = (min: number, max: number) => clock.asOf - Math.round((min + rng.float() * (max - min)) * 365 * DAY);

  const add = (kind: PersonKind, role: Role, title: string, options: Partial<SeedPerson> & { country?: string; alias?: string }) => {
    const pool = pools[COUNTRY_BY_CODE.get(options.country ?? "US")!.names]!;
    const female = rng.chance(0.5);
    const first = firstNameFrom(pool, female, () => rng.float());
    const last = rng.pick(pool.last);
    const email = uniqueEmail(emails, options.alias ?? `${asciiSlug(first)}.${asciiSlug(last)}`, slug);
    const startedAt = Math.floor((options.startedAt ?? yearsAgo(0.5, 4)) / DAY) * DAY + 9 * HOUR;
    const person: SeedPerson = {
      id: ids.next("user"),
      email,
      name: `${first} ${last}`,
      role,
      kind,
      title,
      teamIndex: options.teamIndex ?? null,
      managerId: options.managerId ?? null,
      startedAt,
      deactivatedAt: options.deactivatedAt ?? null,
    };
    people.push(person);
    return person;
  };

  const owner = add("owner", "owner", "Chief Revenue Officer", { alias: "admin", startedAt: yearsAgo(5, 6) });
  const salesOps = add("admin", "admin", "Sales Operations Manager", {
    alias: "salesops",
    managerId: owner.id,
    startedAt: yearsAgo(3, 5),
  });
  add("ops", "ops", "Revenue Operations Analyst", { alias: "ops", managerId: salesOps.id, startedAt: yearsAgo(1, 3) });

  const shares = layout.map((t) => t.countries.reduce((sum, c) => sum + (COUNTRY_BY_CODE.get(c)?.weight ?? 0), 0) * (t.segments.length + 1));
  const seats = apportion(spec.reps, shares, 3);
  const teams: SeedTeam[] = layout.map((t, teamIndex) => {
    const country = () => rng.pick(t.countries);
    const manager = add("manager", "manager", teamIndex % 2 ? "Sales Manager" : "Regional Sales Director", {
      alias: teamIndex === 0 ? "manager" : undefined,
      teamIndex,
      managerId: owner.id,
      country: country(),
      startedAt: yearsAgo(2, 5),
    });
    const aes: string[] = [];
    const sdrs: string[] = [];
    const reps = seats[teamIndex]!;
    const sdrCount = Math.max(1, Math.round(reps * SDR_SHARE));
    for (let i = 0; i < reps; i++) {
      const sdr = i < sdrCount;
      const title = sdr
        ? "Sales Development Representative"
        : t.segments.includes("ent") && rng.chance(0.6)
          ? "Enterprise Account Executive"
          : rng.chance(0.35)
            ? "Senior Account Executive"
            : "Account Executive";
      const rep = add(sdr ? "sdr" : "ae", "rep", title, {
        alias: teamIndex === 0 && i === sdrCount ? "rep" : undefined,
        teamIndex,
        managerId: manager.id,
        country: country(),
        startedAt: yearsAgo(0.2, 4),
      });
      (sdr ? sdrs : aes).push(rep.id);
    }
    const empty = weighted<string>([]);
    const team: SeedTeam = {
      ...t,
      id: ids.next("team"),
      managerId: manager.id,
      accountOwners: empty,
      leadOwners: empty,
      aes,
      sdrs,
      sellers: [...aes, ...sdrs],
    };
    return team;
  });

  const joiners: string[][] = teams.map(() => []);
  const leavers: string[][] = teams.map(() => []);
  for (let i = 0; i < spec.newHires; i++) {
    const teamIndex = i % teams.length;
    const hire = add("new_hire", "new_hire", i % 3 === 2 ? "Sales Development Representative" : "Account Executive", {
      alias: i === 0 ? "newhire" : undefined,
      teamIndex,
      managerId: teams[teamIndex]!.managerId,
      country: rng.pick(teams[teamIndex]!.countries),
      startedAt: clock.asOf - rng.int(3, 45) * DAY,
    });
    joiners[teamIndex]!.push(hire.id);
  }
  for (let i = 0; i < spec.formerReps; i++) {
    const teamIndex = (i * 3 + 1) % teams.length;
    const leaver = add("former", "rep", "Account Executive", {
      teamIndex,
      managerId: teams[teamIndex]!.managerId,
      country: rng.pick(teams[teamIndex]!.countries),
      startedAt: yearsAgo(2, 4),
      deactivatedAt: clock.asOf - rng.int(30, 300) * DAY + 17 * HOUR,
    });
    leavers[teamIndex]!.push(leaver.id);
  }

  for (const [i, team] of teams.entries()) {
    team.accountOwners = weighted([
      ...team.aes.map((id) => [id, 10] as const),
      ...joiners[i]!.map((id) => [id, 1] as const),
      ...leavers[i]!.map((id) => [id, 3] as const),
    ]);
    team.leadOwners = weighted([...team.sdrs.map((id) => [id, 10] as const), ...joiners[i]!.map((id) => [id, 2] as const)]);
    team.sellers.push(...joiners[i]!);
  }
  return { people, teams, owner };
}

/** Splits `total` seats by weight, at least `min` each (largest remainder). */
function apportion(total: number, weights: readonly number[], min: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const free = Math.max(0, total - min * weights.length);
  const exact = weights.map((w) => (free * w) / sum);
  const seats = exact.map((x) => min + Math.floor(x));
  let left = total - seats.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    seats[i]! += 1;
    left -= 1;
  }
  return seats;
}

function uniqueEmail(taken: Set<string>, local: string, slug: string): string {
  let candidate = `${local}@${slug}.example`;
  for (let n = 2; taken.has(candidate); n++) candidate = `${local}${n}@${slug}.example`;
  taken.add(candidate);
  return candidate;
}
