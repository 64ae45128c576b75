import { describe, expect, it } from "vitest";
import { IdFactory, externalId } from "./ids.ts";

const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("IdFactory", () => {
  it("makes valid version-8 UUIDs, the same ones for the same seed", () => {
    const a = new IdFactory("acme|small");
    const b = new IdFactory("acme|small");
    const ids = Array.from({ length: 1000 }, () => a.next("contact"));
    for (const id of ids) expect(id).toMatch(UUID_V8);
    expect(Array.from({ length: 1000 }, () => b.next("contact"))).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("increases within a kind, so COPY appends to the primary key", () => {
    const f = new IdFactory("acme|large");
    const ids = Array.from({ length: 70_000 }, () => f.next("activity"));
    expect([...ids].sort()).toEqual(ids);
    expect(f.count("activity")).toBe(70_000);
  });

  it("never collides across kinds or organizations", () => {
    const acme = new IdFactory("acme|small");
    const globex = new IdFactory("globex|small");
    const all = [acme.next("account"), acme.next("contact"), globex.next("account"), globex.next("contact")];
    expect(new Set(all).size).toBe(4);
    expect(all[0]!.slice(0, 13)).not.toBe(all[2]!.slice(0, 13));
  });
});

describe("externalId", () => {
  it("looks like a 15-character Salesforce id with the object's key prefix", () => {
    expect(externalId("003", 0)).toBe("003Dm0000000000");
    expect(externalId("003", 61)).toBe("003Dm000000000z");
    expect(externalId("001", 62)).toBe("001Dm0000000010");
    expect(externalId("006", 123_456)).toHaveLength(15);
  });
});
