import { describe, expect, it } from "vitest";
import { clusterPairs } from "./cluster.ts";
import { buildFeatures, type MatchRow } from "./features.ts";
import { canonicalFirstName } from "./nicknames.ts";
import { companyTokens, normalizeDomain, normalizeEmail, normalizePhone } from "./normalize.ts";
import { findAllPairs, findPairs } from "./pairs.ts";
import { DEFAULT_RULES } from "./rules.ts";
import { createScorer } from "./scorer.ts";

describe("normalization for matching", () => {
  it("reads one phone number written many ways as one E.164 key", () => {
    for (const text of ["+1 415 555 0100", "(415) 555-0100", "415.555.0100", "1-415-555-0100", "001 415 555 0100"]) {
      expect(normalizePhone(text, "US")).toBe("+14155550100");
    }
    expect(normalizePhone("+49 (0)40 3000069", "US")).toBe("+49403000069");
    expect(normalizePhone("040 3000069", "DE")).toBe("+49403000069");
    expect(normalizePhone("03 0200 0006", "JP")).toBe("+81302000006");
    expect(normalizePhone("12", "US")).toBeNull();
    expect(normalizePhone("555 0100 77", null)).toBe("?555010077");
  });

  it("drops legal forms but keeps distinctive words of company names", () => {
    expect(companyTokens("Acme, Inc.")).toEqual(["acme"]);
    expect(companyTokens("ACME INCORPORATED")).toEqual(["acme"]);
    expect(companyTokens("Veltora Logistics GmbH & Co. KG")).toEqual(["veltora", "logistics"]);
    expect(companyTokens("Grupo Norte S.A. de C.V.")).toEqual(["grupo", "norte"]);
    expect(companyTokens("Limited Brands Group")).toEqual(["limited", "brands", "group"]);
    expect(normalizeDomain("HTTPS://www.Acme.com/about")).toBe("acme.com");
    expect(normalizeDomain("jane@acme.co.uk")).toBe("acme.co.uk");
    expect(normalizeEmail(" Jane.Doe@ACME.com ")).toBe("jane.doe@acme.com");
    expect(normalizeEmail("not an email")).toBeNull();
    expect([canonicalFirstName("bob"), canonicalFirstName("bill"), canonicalFirstName("ana")]).toEqual(["robert", "william", "ana"]);
  });
});

const person = (id: string, fields: Partial<MatchRow>): MatchRow => ({ id, externalId: id, country: "US", ...fields });

describe("matching", () => {
  const rows = [
    person("a", { firstName: "Katherine", lastName: "Moore", email: "kmoore@acme.com", phone: "+1 212 555 0101", accountId: "acc" }),
    person("b", { firstName: "Kate", lastName: "Mooer", email: "KMoore@acme.com", accountId: "acc" }),
    person("c", { firstName: "Moore", lastName: "Katherine", phone: "(212) 555-0101", accountId: "acc2" }),
    person("d", { firstName: "Katherine", lastName: "Moore", email: "katherine.moore@other.com", phone: "+1 646 555 0199", accountId: "acc3" }),
    person("e", { firstName: "Liam", lastName: "Chen", email: "liam@zeta.io", phone: "+1 303 555 0111", accountId: "acc4" }),
  ];
  const rules = DEFAULT_RULES.contacts;
  const t = buildFeatures("contacts", rows, rules.comparisons);
  const scorer = createScorer(t, rules);

  it("finds through blocking what all pairs find, comparing fewer pairs", async () => {
    const blocked = await findPairs(t, rules, scorer);
    const all = findAllPairs(t, rules, scorer);
    const key = (p: { a: number[]; b: number[] }) => p.a.map((x, i) => `${t.ids[x]}-${t.ids[p.b[i]!]}`).sort();
    expect(key(blocked.pairs)).toEqual(key(all.pairs));
    // Kate Mooer (no phone) and the swapped Katherine (no email) share nothing but a fuzzy name: below review.
    expect(key(all.pairs)).toEqual(["a-b", "a-c"]);
    expect(blocked.stats.comparedPairs).toBeLessThan(all.compared);
  });

  it("explains a swapped, re-formatted duplicate and scores a namesake with another address low", () => {
    const swapped = scorer.explain(0, 2).outcomes.map((o) => `${o.field}: ${o.level}`);
    expect(swapped).toContain("name: swapped: first same, last same");
    expect(swapped).toContain("phone: same");
    const namesake = scorer.score(0, 3, -Infinity);
    expect(1 / (1 + 2 ** -namesake)).toBeLessThan(rules.reviewThreshold);
  });

  it("never chains records that do not all match each other", () => {
    // a~b and b~c score high, a~c is forced low: complete linkage keeps them from forming {a, b, c}.
    const pairs = { a: [0, 1], b: [1, 2], score: [0.99, 0.95] };
    const lowScorer = { ...scorer, score: (i: number, j: number) => (i === 0 && j === 2 ? -20 : scorer.score(i, j, -Infinity)) };
    const clusters = clusterPairs(t, pairs, lowScorer, { threshold: 0.8 });
    expect(clusters.map((c) => c.members.map((m) => t.ids[m]))).toEqual([["a", "b"]]);
    const all = clusterPairs(t, { a: [0, 1, 0], b: [1, 2, 2], score: [0.99, 0.95, 0.97] }, scorer, { threshold: 0.8 });
    expect(all.map((c) => c.members.map((m) => t.ids[m]))).toEqual([["a", "b", "c"]]);
    expect(all[0]!.score).toBe(0.95);
  });
});
