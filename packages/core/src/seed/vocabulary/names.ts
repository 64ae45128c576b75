import type { Country } from "./countries.ts";

/**
 * Formal first names and the nicknames people use for them in a CRM ("Robert" signs up as "Bob").
 * English names are drawn from this list a good share of the time so nickname duplicates can be planted.
 */
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  Robert: ["Bob", "Rob", "Bobby"],
  William: ["Bill", "Will", "Billy"],
  Katherine: ["Kate", "Katie", "Kathy"],
  Elizabeth: ["Liz", "Beth", "Betty"],
  Richard: ["Rick", "Rich", "Dick"],
  James: ["Jim", "Jimmy", "Jamie"],
  Michael: ["Mike", "Mikey"],
  Jennifer: ["Jen", "Jenny"],
  Margaret: ["Maggie", "Peggy", "Meg"],
  Christopher: ["Chris"],
  Matthew: ["Matt"],
  Daniel: ["Dan", "Danny"],
  Joseph: ["Joe", "Joey"],
  Thomas: ["Tom", "Tommy"],
  Anthony: ["Tony"],
  Nicholas: ["Nick"],
  Jonathan: ["Jon"],
  Benjamin: ["Ben"],
  Alexander: ["Alex"],
  Samuel: ["Sam"],
  Patricia: ["Pat", "Patty", "Trish"],
  Rebecca: ["Becky"],
  Susan: ["Sue", "Susie"],
  Deborah: ["Deb", "Debbie"],
  Victoria: ["Vicky", "Tori"],
  Jessica: ["Jess"],
  Stephanie: ["Steph"],
  Andrew: ["Andy", "Drew"],
  Edward: ["Ed", "Ted", "Eddie"],
  Charles: ["Charlie", "Chuck"],
  Timothy: ["Tim"],
  Steven: ["Steve"],
  Gregory: ["Greg"],
  Douglas: ["Doug"],
  Kenneth: ["Ken", "Kenny"],
  Ronald: ["Ron"],
  Donald: ["Don"],
  Lawrence: ["Larry"],
  Frederick: ["Fred"],
  Zachary: ["Zach"],
  Jacqueline: ["Jackie"],
  Abigail: ["Abby"],
  Samantha: ["Sam"],
  Alexandra: ["Alex", "Sasha"],
  Pamela: ["Pam"],
  Kimberly: ["Kim"],
  Cynthia: ["Cindy"],
  Barbara: ["Barb"],
  Christine: ["Chris", "Chrissy"],
  Johannes: ["Hannes"],
  Wolfgang: ["Wolf"],
  Alejandro: ["Alex"],
  Francisco: ["Paco", "Pancho"],
  Guillermo: ["Memo"],
  Nicolas: ["Nico"],
  Maximilian: ["Max"],
};

export interface NamePool {
  female: readonly string[];
  male: readonly string[];
  last: readonly string[];
  /** Share of first names taken from the nickname list. */
  formalShare: number;
}

const JA_FEMALE = "Yui Aoi Haruka Sakura Yuki Misaki Ayaka Mei Nanami Hina Rina Emi Kana Mai Yoko Keiko Naomi Akiko Tomoko Chihiro".split(" ");
const JA_MALE = "Hiroshi Takeshi Kenji Haruto Sota Yuto Daiki Kazuki Ren Shota Takumi Naoki Satoshi Ryo Koji Makoto Akira Yusuke Kenta Daisuke".split(" ");
const JA_LAST = "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki Mori Abe Ikeda Hashimoto Ishikawa Ogawa Fujita Okada Goto Hasegawa".split(" ");
const PT_LAST_EXTRA = "Almeida Araújo Azevedo Cardoso Castro Correia Cunha Dias Fernandes Ferreira Gomes Lima Lopes Marques Mendes Monteiro Nascimento Nunes Pinto Ramos Ribeiro Rocha Rodrigues Sampaio Teixeira Vieira".split(" ");

const FEMALE_FORMAL = new Set(
  "Katherine Elizabeth Jennifer Margaret Patricia Rebecca Susan Deborah Victoria Jessica Stephanie Jacqueline Abigail Samantha Alexandra Pamela Kimberly Cynthia Barbara Christine".split(" "),
);
const FORMAL_FEMALE = Object.keys(NICKNAMES).filter((n) => FEMALE_FORMAL.has(n));
const FORMAL_MALE = Object.keys(NICKNAMES).filter((n) => !FEMALE_FORMAL.has(n));

/** Builds the name pools from faker's locale data, loaded only when a seed runs. */
export async function loadNamePools(): Promise<Record<Country["names"], NamePool>> {
  const { en, de, fr, nl, es, pt_BR: pt, en_IN: inLocale } = await import("@faker-js/faker");
  const pool = (locale: typeof en, formalShare = 0, extraLast: readonly string[] = []): NamePool => {
    const person = locale.person!;
    const first = person.first_name as unknown as { female?: string[]; male?: string[] };
    const last = person.last_name as unknown as { generic?: string[] };
    return {
      female: clean(first.female ?? []),
      male: clean(first.male ?? []),
      last: clean([...(last.generic ?? []), ...extraLast]),
      formalShare,
    };
  };
  return {
    en: pool(en, 0.3),
    de: pool(de, 0.03),
    fr: pool(fr),
    nl: pool(nl),
    es: pool(es, 0.05),
    pt: pool(pt, 0, PT_LAST_EXTRA),
    in: pool(inLocale),
    ja: { female: JA_FEMALE, male: JA_MALE, last: JA_LAST, formalShare: 0 },
  };
}

/** Drops names with characters an email or a CSV would choke on, and duplicates. */
function clean(names: readonly string[]): string[] {
  return [...new Set(names.filter((n) => /^[\p{L}][\p{L}' -]*$/u.test(n) && n.length >= 2))];
}

/** A first name from a pool, sometimes a formal name that has nicknames. */
export function firstNameFrom(pool: NamePool, female: boolean, draw: () => number): string {
  if (pool.formalShare > 0 && draw() < pool.formalShare) {
    const candidates = female ? FORMAL_FEMALE : FORMAL_MALE;
    return candidates[Math.floor(draw() * candidates.length)]!;
  }
  const names = female ? pool.female : pool.male;
  return names[Math.floor(draw() * names.length)]!;
}

/** A company's domain label: its brand and noun, lower case, letters and digits only. */
export function companySlug(brand: string, noun: string): string {
  return (brand + noun).toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** The local part of an email address: ASCII, lower case ("Müller" → "mueller", "O'Brien" → "obrien"). */
export function asciiSlug(text: string): string {
  let slug = slugs.get(text);
  if (slug === undefined) {
    slug = slugify(text);
    slugs.set(text, slug);
  }
  return slug;
}

// Names come from small pools, so each is slugified once.
const slugs = new Map<string, string>();

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/[^a-z0-9]/g, "");
}
