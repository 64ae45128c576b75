/** A phone number in parts, so the same number can be written in every format people use. */
export interface Phone {
  country: string;
  /** Area or city code without the trunk prefix ("415", "30", "20"). */
  area: string;
  /** Subscriber digits, grouped as the country usually groups them. */
  groups: readonly string[];
}

interface PhonePlan {
  callingCode: string;
  /** Whether national formats start with a trunk "0" (GB "020…", DE "030…"). */
  trunk: boolean;
  areas: readonly string[];
  /** Sizes of the subscriber groups; the first group may have a fixed lead ("555" in North America). */
  groups: readonly number[];
  lead?: string;
  formats: readonly ((p: Phone, cc: string, t: string) => string)[];
}

const join = (p: Phone, sep: string) => p.groups.join(sep);
const flat = (p: Phone) => p.groups.join("");

const NANP_FORMATS = [
  (p: Phone) => `+1 ${p.area} ${join(p, " ")}`,
  (p: Phone) => `(${p.area}) ${join(p, "-")}`,
  (p: Phone) => `${p.area}.${join(p, ".")}`,
  (p: Phone) => `${p.area}-${join(p, "-")}`,
  (p: Phone) => `+1${p.area}${flat(p)}`,
  (p: Phone) => `+1 (${p.area}) ${join(p, "-")}`,
];

const INTERNATIONAL = [
  (p: Phone, cc: string) => `+${cc} ${p.area} ${join(p, " ")}`,
  (p: Phone, _cc: string, t: string) => `${t}${p.area} ${join(p, " ")}`,
  (p: Phone, cc: string) => `+${cc}${p.area}${flat(p)}`,
];

const PLANS: Record<string, PhonePlan> = {
  US: {
    callingCode: "1",
    trunk: false,
    areas: "201 202 206 212 213 214 215 216 217 224 248 267 281 303 305 310 312 313 314 323 336 347 404 407 408 412 415 425 469 470 503 512 513 516 602 612 614 617 619 626 646 650 669 678 702 703 704 713 714 718 720 727 732 754 773 781 786 801 813 818 832 847 858 904 917 919 925 929 949 952 954 971 972 973 978 980".split(
      " ",
    ),
    groups: [3, 4],
    lead: "555",
    formats: NANP_FORMATS,
  },
  CA: {
    callingCode: "1",
    trunk: false,
    areas: "416 647 437 613 514 438 604 778 403 587 780 519 905".split(" "),
    groups: [3, 4],
    lead: "555",
    formats: NANP_FORMATS,
  },
  GB: {
    callingCode: "44",
    trunk: true,
    areas: ["20", "161", "121", "131", "117", "113", "141", "1223", "118"],
    groups: [4, 4],
    formats: [...INTERNATIONAL, (p) => `+44 (0)${p.area} ${join(p, " ")}`, (p) => `0${p.area}${flat(p)}`],
  },
  DE: {
    callingCode: "49",
    trunk: true,
    areas: ["30", "89", "40", "69", "221", "711", "211", "341"],
    groups: [7],
    formats: [...INTERNATIONAL, (p) => `0${p.area}/${flat(p)}`, (p) => `+49 (0)${p.area} ${flat(p)}`],
  },
  FR: {
    callingCode: "33",
    trunk: true,
    areas: ["1", "4", "5", "2", "3"],
    groups: [2, 2, 2, 2],
    formats: [...INTERNATIONAL, (p) => `0${p.area}.${join(p, ".")}`, (p) => `0${p.area}${flat(p)}`],
  },
  NL: {
    callingCode: "31",
    trunk: true,
    areas: ["20", "10", "30", "40", "70"],
    groups: [3, 4],
    formats: [...INTERNATIONAL, (p) => `0${p.area}-${flat(p)}`],
  },
  ES: {
    callingCode: "34",
    trunk: false,
    areas: ["91", "93", "96", "95", "94"],
    groups: [3, 2, 2],
    formats: [...INTERNATIONAL, (p) => `${p.area}${flat(p)}`],
  },
  AU: {
    callingCode: "61",
    trunk: true,
    areas: ["2", "3", "7", "8"],
    groups: [4, 4],
    formats: [...INTERNATIONAL, (p) => `(0${p.area}) ${join(p, " ")}`],
  },
  JP: {
    callingCode: "81",
    trunk: true,
    areas: ["3", "6", "45", "52", "92", "75"],
    groups: [4, 4],
    formats: [
      (p) => `+81 ${p.area}-${join(p, "-")}`,
      (p) => `0${p.area}-${join(p, "-")}`,
      (p) => `0${p.area} ${join(p, " ")}`,
      (p) => `+81${p.area}${flat(p)}`,
    ],
  },
  IN: {
    callingCode: "91",
    trunk: true,
    areas: ["80", "22", "11", "40", "44", "20"],
    groups: [4, 4],
    formats: [...INTERNATIONAL, (p) => `0${p.area}-${flat(p)}`],
  },
  BR: {
    callingCode: "55",
    trunk: false,
    areas: ["11", "21", "31", "51", "19"],
    groups: [5, 4],
    lead: "9",
    formats: [
      (p) => `+55 ${p.area} ${join(p, "-")}`,
      (p) => `(${p.area}) ${join(p, "-")}`,
      (p) => `${p.area} ${join(p, " ")}`,
      (p) => `+55${p.area}${flat(p)}`,
    ],
  },
  MX: {
    callingCode: "52",
    trunk: false,
    areas: ["55", "33", "81"],
    groups: [4, 4],
    formats: [...INTERNATIONAL, (p) => `(${p.area}) ${join(p, "-")}`],
  },
};

// A prime: multiplying the per-country sequence by it (mod the number space) is a bijection, so
// two different people never share a number by accident — only planted duplicates do.
const SCRAMBLE = 1_000_003;

/** The `seq`-th phone number of a country: unique while seq stays under the country's number space. */
export function phoneNumber(country: string, seq: number): Phone {
  const plan = PLANS[country] ?? PLANS.US!;
  const leadLength = plan.lead?.length ?? 0;
  const freeDigits = plan.groups.reduce((a, b) => a + b, 0) - leadLength;
  const perArea = 10 ** freeDigits;
  const space = perArea * plan.areas.length;
  const n = ((seq % space) * SCRAMBLE) % space;
  const area = plan.areas[Math.floor(n / perArea)]!;
  const digits = (plan.lead ?? "") + String(n % perArea).padStart(freeDigits, "0");
  const groups: string[] = [];
  let at = 0;
  for (const size of plan.groups) {
    groups.push(digits.slice(at, at + size));
    at += size;
  }
  return { country, area, groups };
}

/** How many ways a country's numbers are written. */
export function phoneFormatCount(country: string): number {
  return (PLANS[country] ?? PLANS.US!).formats.length;
}

/** A phone number written in one of its country's formats. */
export function formatPhone(phone: Phone, format: number): string {
  const plan = PLANS[phone.country] ?? PLANS.US!;
  const fn = plan.formats[format % plan.formats.length]!;
  return fn(phone, plan.callingCode, plan.trunk ? "0" : "");
}
