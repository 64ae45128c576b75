/** A region a record can be in: code as CRMs store it, and the full name some users type instead. */
export interface Region {
  code: string;
  name: string;
  cities: readonly string[];
}

export interface Country {
  code: string;
  /** How often accounts are in this country. */
  weight: number;
  /** Full names users type instead of the code (hygiene: "United States" vs "US"). */
  aliases: readonly string[];
  /** Regions stored in `state`; empty where CRMs usually leave it blank. */
  regions: readonly Region[];
  /** Cities for countries without regions. */
  cities: readonly string[];
  tld: string;
  legalSuffixes: readonly string[];
  /** Name pool (see names.ts) and the currency deals are mostly in. */
  names: "en" | "de" | "fr" | "nl" | "es" | "ja" | "pt" | "in";
  currency: "USD" | "EUR" | "GBP";
  postal: (digits: string) => string;
}

const r = (code: string, name: string, ...cities: string[]): Region => ({ code, name, cities });

export const COUNTRIES: readonly Country[] = [
  {
    code: "US",
    weight: 40,
    aliases: ["USA", "United States", "United States of America", "U.S."],
    regions: [
      r("CA", "California", "San Francisco", "Los Angeles", "San Diego", "San Jose", "Palo Alto", "Irvine"),
      r("NY", "New York", "New York", "Brooklyn", "Buffalo", "Rochester"),
      r("TX", "Texas", "Austin", "Dallas", "Houston", "San Antonio", "Plano"),
      r("WA", "Washington", "Seattle", "Bellevue", "Redmond", "Spokane"),
      r("MA", "Massachusetts", "Boston", "Cambridge", "Worcester"),
      r("IL", "Illinois", "Chicago", "Naperville", "Evanston"),
      r("GA", "Georgia", "Atlanta", "Savannah", "Alpharetta"),
      r("CO", "Colorado", "Denver", "Boulder", "Colorado Springs"),
      r("FL", "Florida", "Miami", "Tampa", "Orlando", "Jacksonville"),
      r("NC", "North Carolina", "Charlotte", "Raleigh", "Durham"),
      r("OH", "Ohio", "Columbus", "Cleveland", "Cincinnati"),
      r("PA", "Pennsylvania", "Philadelphia", "Pittsburgh"),
      r("MN", "Minnesota", "Minneapolis", "Saint Paul"),
      r("UT", "Utah", "Salt Lake City", "Provo", "Lehi"),
      r("OR", "Oregon", "Portland", "Eugene"),
      r("VA", "Virginia", "Arlington", "Richmond", "Reston"),
    ],
    cities: [],
    tld: "com",
    legalSuffixes: ["Inc.", "LLC", "Corp."],
    names: "en",
    currency: "USD",
    postal: (d) => d.slice(0, 5),
  },
  {
    code: "CA",
    weight: 5,
    aliases: ["Canada"],
    regions: [
      r("ON", "Ontario", "Toronto", "Ottawa", "Waterloo", "Mississauga"),
      r("QC", "Quebec", "Montreal", "Quebec City"),
      r("BC", "British Columbia", "Vancouver", "Victoria", "Burnaby"),
      r("AB", "Alberta", "Calgary", "Edmonton"),
    ],
    cities: [],
    tld: "ca",
    legalSuffixes: ["Inc.", "Ltd."],
    names: "en",
    currency: "USD",
    postal: (d) => `M${d[0]}V ${d[1]}K${d[2]}`,
  },
  {
    code: "GB",
    weight: 10,
    aliases: ["United Kingdom", "UK", "Great Britain", "England"],
    regions: [],
    cities: ["London", "Manchester", "Birmingham", "Edinburgh", "Bristol", "Leeds", "Glasgow", "Cambridge", "Reading"],
    tld: "co.uk",
    legalSuffixes: ["Ltd", "Limited", "PLC"],
    names: "en",
    currency: "GBP",
    postal: (d) => `EC${d[0]}A ${d[1]}BB`,
  },
  {
    code: "DE",
    weight: 9,
    aliases: ["Germany", "Deutschland"],
    regions: [],
    cities: ["Berlin", "München", "Hamburg", "Frankfurt am Main", "Köln", "Stuttgart", "Düsseldorf", "Leipzig"],
    tld: "de",
    legalSuffixes: ["GmbH", "AG", "GmbH & Co. KG"],
    names: "de",
    currency: "EUR",
    postal: (d) => d.slice(0, 5),
  },
  {
    code: "FR",
    weight: 7,
    aliases: ["France"],
    regions: [],
    cities: ["Paris", "Lyon", "Marseille", "Toulouse", "Nantes", "Lille", "Bordeaux"],
    tld: "fr",
    legalSuffixes: ["SA", "SAS", "SARL"],
    names: "fr",
    currency: "EUR",
    postal: (d) => d.slice(0, 5),
  },
  {
    code: "NL",
    weight: 4,
    aliases: ["Netherlands", "The Netherlands", "Holland"],
    regions: [],
    cities: ["Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Den Haag"],
    tld: "nl",
    legalSuffixes: ["B.V.", "N.V."],
    names: "nl",
    currency: "EUR",
    postal: (d) => `${d.slice(0, 4)} AB`,
  },
  {
    code: "ES",
    weight: 3,
    aliases: ["Spain", "España"],
    regions: [],
    cities: ["Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao"],
    tld: "es",
    legalSuffixes: ["S.L.", "S.A."],
    names: "es",
    currency: "EUR",
    postal: (d) => d.slice(0, 5),
  },
  {
    code: "AU",
    weight: 5,
    aliases: ["Australia"],
    regions: [
      r("NSW", "New South Wales", "Sydney", "Newcastle"),
      r("VIC", "Victoria", "Melbourne", "Geelong"),
      r("QLD", "Queensland", "Brisbane", "Gold Coast"),
      r("WA", "Western Australia", "Perth"),
    ],
    cities: [],
    tld: "com.au",
    legalSuffixes: ["Pty Ltd"],
    names: "en",
    currency: "USD",
    postal: (d) => d.slice(0, 4),
  },
  {
    code: "JP",
    weight: 5,
    aliases: ["Japan"],
    regions: [],
    cities: ["Tokyo", "Osaka", "Yokohama", "Nagoya", "Fukuoka", "Kyoto"],
    tld: "co.jp",
    legalSuffixes: ["K.K.", "Co., Ltd."],
    names: "ja",
    currency: "USD",
    postal: (d) => `${d.slice(0, 3)}-${d.slice(3, 7)}`,
  },
  {
    code: "IN",
    weight: 5,
    aliases: ["India"],
    regions: [
      r("KA", "Karnataka", "Bengaluru", "Mysuru"),
      r("MH", "Maharashtra", "Mumbai", "Pune"),
      r("DL", "Delhi", "New Delhi"),
      r("TG", "Telangana", "Hyderabad"),
      r("TN", "Tamil Nadu", "Chennai", "Coimbatore"),
    ],
    cities: [],
    tld: "in",
    legalSuffixes: ["Pvt Ltd", "Ltd"],
    names: "in",
    currency: "USD",
    postal: (d) => d.slice(0, 6),
  },
  {
    code: "BR",
    weight: 4,
    aliases: ["Brazil", "Brasil"],
    regions: [
      r("SP", "São Paulo", "São Paulo", "Campinas"),
      r("RJ", "Rio de Janeiro", "Rio de Janeiro", "Niterói"),
      r("MG", "Minas Gerais", "Belo Horizonte"),
      r("RS", "Rio Grande do Sul", "Porto Alegre"),
    ],
    cities: [],
    tld: "com.br",
    legalSuffixes: ["Ltda", "S.A."],
    names: "pt",
    currency: "USD",
    postal: (d) => `${d.slice(0, 5)}-${d.slice(5, 8)}`,
  },
  {
    code: "MX",
    weight: 3,
    aliases: ["Mexico", "México"],
    regions: [
      r("CDMX", "Ciudad de México", "Ciudad de México"),
      r("JAL", "Jalisco", "Guadalajara"),
      r("NLE", "Nuevo León", "Monterrey"),
    ],
    cities: [],
    tld: "com.mx",
    legalSuffixes: ["S.A. de C.V."],
    names: "es",
    currency: "USD",
    postal: (d) => d.slice(0, 5),
  },
];

export const COUNTRY_BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]));
