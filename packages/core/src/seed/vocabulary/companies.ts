/** Industries, each with the nouns companies in it put after their brand ("Veltora Logistics"). */
export const INDUSTRIES: readonly { name: string; nouns: readonly string[] }[] = [
  { name: "Software", nouns: ["Software", "Systems", "Labs", "Cloud", "Technologies", "Digital", "Data"] },
  { name: "Financial Services", nouns: ["Capital", "Financial", "Partners", "Bancorp", "Investments", "Wealth"] },
  { name: "Healthcare", nouns: ["Health", "Medical", "Care", "Clinics", "Diagnostics", "Pharma"] },
  { name: "Manufacturing", nouns: ["Industries", "Manufacturing", "Works", "Machinery", "Components", "Materials"] },
  { name: "Retail", nouns: ["Retail", "Stores", "Outfitters", "Market", "Brands", "Goods"] },
  { name: "Logistics", nouns: ["Logistics", "Freight", "Shipping", "Transport", "Cargo", "Supply"] },
  { name: "Education", nouns: ["Learning", "Academy", "Education", "Institute"] },
  { name: "Energy", nouns: ["Energy", "Power", "Solar", "Renewables", "Utilities"] },
  { name: "Telecommunications", nouns: ["Telecom", "Networks", "Communications", "Wireless"] },
  { name: "Media", nouns: ["Media", "Studios", "Publishing", "Entertainment"] },
  { name: "Insurance", nouns: ["Insurance", "Assurance", "Mutual", "Underwriters"] },
  { name: "Construction", nouns: ["Construction", "Builders", "Engineering", "Contractors"] },
  { name: "Hospitality", nouns: ["Hotels", "Hospitality", "Resorts", "Travel"] },
  { name: "Biotechnology", nouns: ["Biosciences", "Therapeutics", "Genomics", "Life Sciences"] },
  { name: "Automotive", nouns: ["Motors", "Automotive", "Mobility", "Vehicles"] },
  { name: "Consulting", nouns: ["Consulting", "Advisors", "Group", "Associates", "Strategy"] },
  { name: "Food & Beverage", nouns: ["Foods", "Brewing", "Kitchens", "Beverages", "Farms"] },
];

/** Every (industry, noun) pair, in a fixed order. */
export const INDUSTRY_NOUNS: readonly { industry: string; noun: string }[] = INDUSTRIES.flatMap((i) =>
  i.nouns.map((noun) => ({ industry: i.name, noun })),
);

// Brands are invented words (syllable pairs) or compounds of two English words: thousands of names that
// sound like companies and are unlikely to be real ones.
const HEADS = "Al Bel Cor Dar El Fen Gal Har Ist Jun Kel Lum Mar Nor Or Pel Quin Ros Sol Tal Ul Val Wes Xan Yor Zen Ard Bri Cal Dex Ev Fal Gra Hel Iv Jas Kor Lev Mor Nex Oct Pra Quo Ren Sta Tor Ux Ver Wil Zor Ama Bra Cyn Dra Eli Fi Glo Hyp Ini Kin Lyr Mir Nov Oph Pyr Qua Rhe Syn Tri Umb Vec Wyn Xer Zyl Aur Bor Cer Dun Ery Fal Gen Hal".split(
  " ",
);
const TAILS = "a ion ex ora ium ant ix on ara ent ica ova ari ella os um is ia en ar eon ify ly era ano ito ux ence iva ys ade ora ix ea ona ell aro ine ana ero ics ity o ata ida ora ius ant iq ova ello anta ix ema ore ium ylon iko ara ence iant".split(
  " ",
);
const WORDS_A = "North Blue Iron Silver Red Green Stone Bright Clear Swift High Oak Pine Cedar Maple River Lake Summit Harbor Crest Golden Star Sun Moon Cloud Sky Fox Wolf Eagle Falcon Arrow Bay Cove Frost Ember Amber Coral Copper Granite".split(
  " ",
);
const WORDS_B = "wind peak wood field gate bridge stone water light point ridge line path rock side view wave works forge craft leaf brook haven mark well shore vale dale crest spire".split(
  " ",
);

/** The brand words, in a fixed order (invented words first, then compounds). */
export const BRANDS: readonly string[] = [
  ...new Set([
    ...HEADS.flatMap((h) => TAILS.map((t) => h + t)),
    ...WORDS_A.flatMap((a) => WORDS_B.map((b) => a + b)),
  ]),
];

/** Product lines deals are named after. */
export const PRODUCTS = [
  "Platform",
  "Analytics",
  "Enterprise Suite",
  "Data Connectors",
  "Premium Support",
  "Professional Services",
  "Security Add-on",
  "Training Package",
  "Integration Hub",
  "Mobile Edition",
] as const;

export const DEAL_TYPES = ["New Business", "Expansion", "Renewal"] as const;
export const DEAL_SOURCES = ["Inbound", "Outbound", "Partner", "Event", "Referral", "Web"] as const;

export const LEAD_SOURCES = [
  ["Web", 24],
  ["Webinar", 10],
  ["Trade Show", 8],
  ["Referral", 7],
  ["Partner", 8],
  ["Paid Search", 14],
  ["Content Download", 12],
  ["Outbound", 10],
  ["LinkedIn", 7],
] as const;

export const CONTACT_TITLES = [
  "Chief Executive Officer",
  "CEO",
  "Chief Financial Officer",
  "CFO",
  "CTO",
  "VP of Sales",
  "VP Sales",
  "VP of Engineering",
  "VP Marketing",
  "Head of Procurement",
  "Head of IT",
  "IT Director",
  "Director of Operations",
  "Operations Manager",
  "Procurement Manager",
  "Purchasing Agent",
  "Software Engineer",
  "Senior Software Engineer",
  "Marketing Manager",
  "Office Manager",
  "Controller",
  "Finance Director",
  "Sales Manager",
  "Account Manager",
  "Product Manager",
  "HR Director",
  "Data Analyst",
  "Business Analyst",
  "Project Manager",
  "General Counsel",
] as const;

const PERSONAL_DOMAINS = ["gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "icloud.com"] as const;

/** A free-mail domain some leads sign up with. */
export function personalDomain(draw: number): string {
  return PERSONAL_DOMAINS[Math.floor(draw * PERSONAL_DOMAINS.length)]!;
}
