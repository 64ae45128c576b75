import { describe, expect, it } from "vitest";
import { ACCOUNT_DIRT, accountName, dirtyAccount } from "./account-dirt.ts";
import { PERSON_DIRT, dirtyPerson, typo } from "./dirt.ts";
import type { PersonFields } from "./persons.ts";
import { Rng } from "./random.ts";
import { formatPhone, phoneNumber } from "./vocabulary/phones.ts";

const robert: PersonFields = {
  firstName: "Robert",
  lastName: "Smith",
  email: "robert.smith@veltoralogistics.com",
  phone: phoneNumber("US", 12),
  phoneFormat: 1,
  phoneText: formatPhone(phoneNumber("US", 12), 1),
  title: "VP Sales",
};

describe("typo", () => {
  it("makes exactly one edit and keeps the first letter", () => {
    const rng = new Rng("typo");
    for (let i = 0; i < 500; i++) {
      const out = typo(rng, "Katherine");
      expect(out).not.toBe("Katherine");
      expect(out[0]).toBe("K");
      expect(Math.abs(out.length - 9)).toBeLessThanOrEqual(1);
    }
  });
});

describe("dirtyPerson", () => {
  it("uses every kind of dirt over many draws, always at least one, and records what it did", () => {
    const rng = new Rng("people");
    const seen = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const { fields, dirt } = dirtyPerson(rng, robert, "US");
      expect(dirt.length).toBeGreaterThanOrEqual(1);
      for (const d of dirt) seen.add(d);
      if (dirt.includes("nickname") && !dirt.includes("swapped_names")) expect(["Bob", "Rob", "Bobby"]).toContain(fields.firstName);
      if (dirt.includes("email_case")) expect(fields.email!.toLowerCase()).toBe(robert.email);
      if (!dirt.includes("email_case") && fields.email !== null) expect(fields.email).toBe(robert.email);
      if (dirt.includes("phone_format")) {
        expect(fields.phoneText).not.toBe(robert.phoneText);
        expect(fields.phoneText!.replace(/\D/g, "").slice(-10)).toBe(robert.phoneText!.replace(/\D/g, "").slice(-10));
      }
      if (dirt.includes("swapped_names")) expect(fields.lastName?.startsWith("R") || fields.lastName?.startsWith("B")).toBe(true);
    }
    expect([...seen].sort()).toEqual([...PERSON_DIRT].sort());
  });

  it("offers no nickname for a name without one", () => {
    const rng = new Rng("nicknames");
    for (let i = 0; i < 200; i++) expect(dirtyPerson(rng, { ...robert, firstName: "Zoltan" }, "US").dirt).not.toContain("nickname");
  });
});

describe("dirtyAccount", () => {
  it("writes the same company another way: case, legal form, a typo, www/https, blanks", () => {
    const rng = new Rng("accounts");
    const original = {
      brand: "Veltora",
      noun: "Logistics",
      legal: "Inc.",
      name: "Veltora Logistics Inc.",
      domain: "veltoralogistics.com",
      industry: "Logistics",
      employees: 420,
    };
    expect(accountName(original)).toBe(original.name);
    const seen = new Set<string>();
    const names = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const dup = dirtyAccount(rng, original);
      for (const d of dup.dirt) seen.add(d);
      names.add(dup.name);
      if (dup.dirt.includes("domain_format")) expect(dup.domain).toMatch(/veltoralogistics\.com/i);
    }
    expect([...seen].sort()).toEqual([...ACCOUNT_DIRT].sort());
    for (const name of ["VELTORA LOGISTICS INC.", "Veltora Logistics, Inc.", "Veltora Logistics Incorporated"]) {
      expect(names).toContain(name);
    }
  });
});
