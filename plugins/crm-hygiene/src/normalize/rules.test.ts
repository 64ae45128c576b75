import { describe, expect, it } from "vitest";
import { splitCompanyName } from "./company-names.ts";
import { countryCode } from "./countries.ts";
import { normalizeDomain } from "./domains.ts";
import { normalizeEmail } from "./emails.ts";
import { normalizePersonName } from "./person-names.ts";
import { normalizePhone } from "./phones.ts";
import { NORMALIZATION_RULES } from "./rules.ts";
import { stateCode } from "./states.ts";

// Pure examples per rule; the database side (preview, apply, undo) is in normalization.test.ts.
describe("emails", () => {
  it.each([
    ["  Jane.Doe@ACME.com ", { value: "jane.doe@acme.com" }],
    ["o'brien+crm@sub.example.co.uk", { value: "o'brien+crm@sub.example.co.uk" }],
    ["jane.doe@acme", { invalid: "not a valid email address" }],
    ["jane doe@acme.com", { invalid: "not a valid email address" }],
    ["jane@@acme.com", { invalid: "not a valid email address" }],
    ["jane..doe@acme.com", { invalid: "not a valid email address" }],
  ])("%j → %j", (input, expected) => expect(normalizeEmail(input)).toEqual(expected));
});

describe("phones to E.164", () => {
  it.each([
    ["(415) 555-0100", "US", { value: "+14155550100" }],
    ["415.555.0123", "US", { value: "+14155550123" }],
    ["+1 415 555 0100", "DE", { value: "+14155550100" }],
    ["030 1234567", "DE", { value: "+49301234567" }],
    ["+49 (0)30 1234567", "US", { value: "+49301234567" }],
    ["020 7946 0958", "GB", { value: "+442079460958" }],
    ["06 12 34 56 78", "FR", { value: "+33612345678" }],
    ["03-1234-5678", "JP", { value: "+81312345678" }],
    ["0044 20 7946 0958", "DE", { value: "+442079460958" }],
    // Written with its country code: re-formatted even where the range is not (yet) assigned.
    ["+44 20 2000 0060", "US", { value: "+442020000060" }],
  ])("%j in %s → %j", (input, country, expected) => expect(normalizePhone(input, country)).toEqual(expected));

  it.each([
    ["12345", "US", /not a valid number/],
    ["call me", "US", /has no digits/],
    ["+1 (212) 555-0199 x23", "US", /extension/],
    ["999 999 9999", "US", /not a valid number/],
    ["030 1234567", "US", /not a valid number/],
    ["02021000063", "GB", /not a valid number in GB/],
    ["+44 20", "US", /not a valid number/],
  ])("reports %j (%s) as invalid", (input, country, reason) => {
    const result = normalizePhone(input, country);
    expect("invalid" in result && result.invalid).toMatch(reason);
  });

  it("reads a phone in the record's country, else the default country", () => {
    const rule = NORMALIZATION_RULES.phones;
    const german = rule.apply("contacts", { id: "1", phone: "030 1234567", country: "Germany" }, { defaultCountry: "US" });
    expect(german.changes).toEqual([{ field: "phone", before: "030 1234567", after: "+49301234567" }]);
    const none = rule.apply("contacts", { id: "2", phone: "(415) 555-0100", country: null }, { defaultCountry: "US" });
    expect(none.changes[0]?.after).toBe("+14155550100");
    const already = rule.apply("contacts", { id: "3", phone: "+14155550100", country: "US" }, { defaultCountry: "US" });
    expect(already).toEqual({ changes: [], invalid: [] });
  });
});

describe("person names", () => {
  it.each([
    ["  jane   doe ", "Jane Doe"],
    ["MCDONALD", "McDonald"],
    ["o'brien", "O'Brien"],
    ["VAN DER BERG", "van der Berg"],
    ["jean-luc", "Jean-Luc"],
    ["McDonald", "McDonald"],
    ["DeShawn", "DeShawn"],
    ["van Gogh", "van Gogh"],
    ["MACHADO", "Machado"],
    ["ZOË", "Zoë"],
    ["Van", "Van"],
  ])("%j → %j", (input, expected) => expect(normalizePersonName(input)).toBe(expected));
});

describe("company names", () => {
  it.each([
    ["Veltora Logistics Inc.", "Veltora Logistics", "Inc."],
    ["Veltora Logistics, Inc.", "Veltora Logistics", "Inc."],
    ["VELTORA LOGISTICS INC.", "Veltora Logistics", "Inc."],
    ["Acme Incorporated", "Acme", "Inc."],
    ["Müller Maschinenbau GmbH & Co. KG", "Müller Maschinenbau", "GmbH & Co. KG"],
    ["Nordwind G.m.b.H.", "Nordwind", "GmbH"],
    ["Brightside Pty. Ltd.", "Brightside", "Pty Ltd"],
    ["Tanaka Trading Co., Ltd.", "Tanaka Trading", "Co., Ltd."],
    ["Grupo Sol S.A. de C.V.", "Grupo Sol", "S.A. de C.V."],
    ["Rivera Consulting L.L.C.", "Rivera Consulting", "LLC"],
    ["De Vries Holding B.V.", "De Vries Holding", "B.V."],
    ["IBM GLOBAL SERVICES CORP", "IBM Global Services", "Corp."],
  ])("%j → %j + %j", (input, name, legalForm) => expect(splitCompanyName(input)).toEqual({ name, legalForm }));

  it.each([
    ["The Coca-Cola Company", "The Coca-Cola Company"],
    ["Partners Group", "Partners Group"],
    ["Casa", "Casa"],
    ["Global Sa", "Global Sa"],
    ["Inc.", "Inc."],
    ["Limited Brands Inc", "Limited Brands"],
  ])("keeps distinctive words: %j → %j", (input, name) => expect(splitCompanyName(input)?.name).toBe(name));
});

describe("domains", () => {
  it.each([
    ["HTTPS://www.Acme.com/about?x=1", { value: "acme.com" }],
    ["http://www.acme.co.uk/", { value: "acme.co.uk" }],
    ["sales@acme.io", { value: "acme.io" }],
    ["acme.com:8080", { value: "acme.com" }],
    ["not a domain", { invalid: "not a domain" }],
    ["localhost", { invalid: "not a domain" }],
  ])("%j → %j", (input, expected) => expect(normalizeDomain(input)).toEqual(expected));
});

describe("countries and states", () => {
  it.each([
    ["United States", "US"],
    ["U.S.", "US"],
    ["usa", "US"],
    ["Deutschland", "DE"],
    ["Allemagne", "DE"],
    ["DEU", "DE"],
    ["gb", "GB"],
    ["England", "GB"],
    ["España", "ES"],
    ["The Netherlands", "NL"],
    ["Narnia", null],
  ])("%j → %j", (input, expected) => expect(countryCode(input)).toBe(expected));

  it.each([
    ["California", "US", "CA"],
    ["california", "US", "CA"],
    ["US-NY", "US", "NY"],
    ["tx", "US", "TX"],
    ["Ontario", "CA", "ON"],
    ["Bayern", "DE", "BY"],
    ["CDMX", "MX", "CMX"],
    ["Nowhere", "US", null],
    ["California", null, null],
  ])("%j in %s → %j", (input, country, expected) => expect(stateCode(input, country)).toBe(expected));
});
