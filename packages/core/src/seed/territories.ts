/** Company size bands, by employees: how sales teams split their market. */
export type Segment = "smb" | "mid" | "ent";

export const SEGMENT_SHARES: readonly (readonly [Segment, number])[] = [
  ["smb", 55],
  ["mid", 30],
  ["ent", 15],
];

export interface TeamLayout {
  name: string;
  countries: readonly string[];
  segments: readonly Segment[];
}

const NA = ["US", "CA"];
const EMEA = ["GB", "DE", "FR", "NL", "ES"];
const APAC = ["AU", "JP", "IN"];
const LATAM = ["BR", "MX"];
const ALL: Segment[] = ["smb", "mid", "ent"];

/** Sales teams by region and segment, for 3 to 8 teams; every (country, segment) lands in one team. */
export const TEAM_LAYOUTS: Readonly<Record<number, readonly TeamLayout[]>> = {
  3: [
    { name: "Americas", countries: [...NA, ...LATAM], segments: ALL },
    { name: "EMEA", countries: EMEA, segments: ALL },
    { name: "APAC", countries: APAC, segments: ALL },
  ],
  4: [
    { name: "North America Enterprise", countries: NA, segments: ["mid", "ent"] },
    { name: "North America Commercial", countries: NA, segments: ["smb"] },
    { name: "EMEA", countries: EMEA, segments: ALL },
    { name: "APAC & LATAM", countries: [...APAC, ...LATAM], segments: ALL },
  ],
  5: [
    { name: "North America Enterprise", countries: NA, segments: ["mid", "ent"] },
    { name: "North America Commercial", countries: NA, segments: ["smb"] },
    { name: "EMEA Enterprise", countries: EMEA, segments: ["mid", "ent"] },
    { name: "EMEA Commercial", countries: EMEA, segments: ["smb"] },
    { name: "APAC & LATAM", countries: [...APAC, ...LATAM], segments: ALL },
  ],
  6: [
    { name: "North America Enterprise", countries: NA, segments: ["ent"] },
    { name: "North America Mid-Market", countries: NA, segments: ["mid"] },
    { name: "North America SMB", countries: NA, segments: ["smb"] },
    { name: "EMEA Enterprise", countries: EMEA, segments: ["mid", "ent"] },
    { name: "EMEA Commercial", countries: EMEA, segments: ["smb"] },
    { name: "APAC & LATAM", countries: [...APAC, ...LATAM], segments: ALL },
  ],
  7: [
    { name: "North America Enterprise", countries: NA, segments: ["ent"] },
    { name: "North America Mid-Market", countries: NA, segments: ["mid"] },
    { name: "North America SMB", countries: NA, segments: ["smb"] },
    { name: "EMEA Enterprise", countries: EMEA, segments: ["mid", "ent"] },
    { name: "EMEA Commercial", countries: EMEA, segments: ["smb"] },
    { name: "APAC", countries: APAC, segments: ALL },
    { name: "LATAM", countries: LATAM, segments: ALL },
  ],
  8: [
    { name: "North America Enterprise", countries: NA, segments: ["ent"] },
    { name: "North America Mid-Market", countries: NA, segments: ["mid"] },
    { name: "North America SMB", countries: NA, segments: ["smb"] },
    { name: "EMEA Enterprise", countries: EMEA, segments: ["ent"] },
    { name: "EMEA Mid-Market", countries: EMEA, segments: ["mid"] },
    { name: "EMEA SMB", countries: EMEA, segments: ["smb"] },
    { name: "APAC", countries: APAC, segments: ALL },
    { name: "LATAM", countries: LATAM, segments: ALL },
  ],
};

/** The team that covers a country and segment. */
export function teamIndexFor(layout: readonly TeamLayout[], country: string, segment: Segment): number {
  const index = layout.findIndex((t) => t.countries.includes(country) && t.segments.includes(segment));
  return index === -1 ? 0 : index;
}
