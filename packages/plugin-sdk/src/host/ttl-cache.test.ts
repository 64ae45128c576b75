import { describe, expect, it } from "vitest";
import { TtlCache } from "./ttl-cache.ts";

describe("TtlCache", () => {
  it("shares one load between concurrent readers and reloads after delete", async () => {
    const cache = new TtlCache<string, number>({ ttlMs: 60_000 });
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    expect(await Promise.all([cache.get("a", load), cache.get("a", load)])).toEqual([1, 1]);
    cache.delete("a");
    expect(await cache.get("a", load)).toBe(2);
  });

  it("forgets a failed load and expires entries", async () => {
    const cache = new TtlCache<string, number>({ ttlMs: 0 });
    await expect(cache.get("a", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cache.get("a", () => Promise.resolve(1))).toBe(1);
    expect(await cache.get("a", () => Promise.resolve(2))).toBe(2);
  });

  it("evicts the oldest entry past its size", async () => {
    const cache = new TtlCache<number, number>({ ttlMs: 60_000, maxEntries: 2 });
    for (const k of [1, 2, 3]) await cache.get(k, () => Promise.resolve(k));
    let reloaded = false;
    await cache.get(1, () => ((reloaded = true), Promise.resolve(1)));
    expect(reloaded).toBe(true);
  });
});
