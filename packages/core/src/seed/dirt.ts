import { capitalizeEmail, personFields, type PersonFields } from "./persons.ts";
import type { Rng } from "./random.ts";
import { NICKNAMES } from "./vocabulary/names.ts";
import { formatPhone, phoneFormatCount } from "./vocabulary/phones.ts";

/** The ways a planted duplicate person differs from the original, as recorded in core.seed_duplicates. */
export const PERSON_DIRT = ["typo", "nickname", "swapped_names", "email_case", "phone_format", "missing_fields"] as const;
export type PersonDirt = (typeof PERSON_DIRT)[number];

const KEYBOARD: Record<string, string> = {
  a: "sqz", b: "vn", c: "xv", d: "sf", e: "wr", f: "dg", g: "fh", h: "gj", i: "uo", j: "hk", k: "jl", l: "k",
  m: "n", n: "bm", o: "ip", p: "o", q: "w", r: "et", s: "ad", t: "ry", u: "yi", v: "cb", w: "qe", x: "zc",
  y: "tu", z: "x",
};

/** One edit (substitution by a neighbouring key, deletion, or a doubled letter), never the first letter. */
export function typo(rng: Rng, name: string): string {
  const i = rng.int(1, name.length - 1);
  const ch = name[i]!;
  const neighbours = KEYBOARD[ch];
  const op = rng.int(0, 2);
  if (op === 0 && neighbours) return name.slice(0, i) + rng.pick([...neighbours]) + name.slice(i + 1);
  if (op === 1 || !neighbours) return name.slice(0, i) + name.slice(i + 1);
  return name.slice(0, i) + ch + name.slice(i);
}

/** How many kinds of dirt a duplicate gets: one mostly, sometimes two or three. */
function dirtCount(rng: Rng, min: number): number {
  const x = rng.float();
  return Math.max(min, x < 0.6 ? 1 : x < 0.9 ? 2 : 3);
}

/** Takes `count` items of `options` at random, in their original order. */
function choose<T>(rng: Rng, options: readonly T[], count: number): Set<T> {
  const pool = [...options];
  const chosen = new Set<T>();
  while (chosen.size < count && pool.length) chosen.add(pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
  return chosen;
}

/**
 * A copy of a person dirtied in `min`–3 recorded ways. `country` picks the phone formats; the returned
 * dirt lists exactly what was done, so a hygiene tool can be scored against it.
 */
export function dirtyPerson(
  rng: Rng,
  original: PersonFields,
  country: string,
  min = 1,
): { fields: PersonFields; dirt: PersonDirt[] } {
  const first = original.firstName ?? "";
  const last = original.lastName ?? "";
  const applicable: PersonDirt[] = [];
  if (first.length >= 3 || last.length >= 3) applicable.push("typo");
  if (NICKNAMES[first]) applicable.push("nickname");
  if (first && last && first !== last) applicable.push("swapped_names");
  if (original.email && /[a-z]/.test(original.email)) applicable.push("email_case");
  if (original.phone && phoneFormatCount(country) > 1) applicable.push("phone_format");
  if (original.email || original.phone || original.title) applicable.push("missing_fields");
  const chosen = choose(rng, applicable, dirtCount(rng, min));

  const fields = personFields(original);
  let firstName = first;
  let lastName = last;
  if (chosen.has("nickname")) firstName = rng.pick(NICKNAMES[first]!);
  if (chosen.has("typo")) {
    // With a nickname the first name already changed; the typo then goes into the last name.
    const intoFirst = !chosen.has("nickname") && first.length >= 3 && (last.length < 3 || rng.chance(0.5));
    if (intoFirst) firstName = typo(rng, firstName);
    else lastName = typo(rng, lastName);
  }
  if (chosen.has("swapped_names")) [firstName, lastName] = [lastName, firstName];
  fields.firstName = firstName || null;
  fields.lastName = lastName || null;
  if (chosen.has("email_case")) {
    const clean = original.email!.trim().toLowerCase();
    const upper = rng.chance(0.3) ? clean.toUpperCase() : capitalizeEmail(clean);
    fields.email = upper === original.email ? clean : upper;
  }
  if (chosen.has("phone_format")) {
    const count = phoneFormatCount(country);
    fields.phoneFormat = (original.phoneFormat + rng.int(1, count - 1)) % count;
    fields.phoneText = formatPhone(original.phone!, fields.phoneFormat);
  }
  if (chosen.has("missing_fields")) {
    // A field that carries other dirt (a re-cased email, a reformatted phone) stays filled.
    const present = (["email", "phone", "title"] as const).filter((f) =>
      f === "phone" ? original.phone && !chosen.has("phone_format") : original[f] && !(f === "email" && chosen.has("email_case")),
    );
    if (!present.length) chosen.delete("missing_fields");
    for (const f of choose(rng, present, rng.chance(0.8) ? 1 : 2)) {
      if (f === "phone") {
        fields.phone = null;
        fields.phoneText = null;
      } else fields[f] = null;
    }
  }
  return { fields, dirt: PERSON_DIRT.filter((d) => chosen.has(d)) };
}
