import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { isPlainJson } from "./fast-query.ts";

describe("isPlainJson (the fast path's shortcut around superjson)", () => {
  const plain: unknown[] = [
    null,
    "text",
    0,
    42.5,
    true,
    [],
    {},
    { user: { id: "u", email: "a@b.c" }, role: "rep", permissions: ["a", "b"], organizations: [{ id: "o", n: 1 }] },
    Object.assign(Object.create(null) as object, { a: 1 }),
  ];
  it.each(plain.map((v) => [JSON.stringify(v), v]))("%s is plain and superjson leaves it as it is", (_label, value) => {
    expect(isPlainJson(value, 0)).toBe(true);
    expect(superjson.serialize(value)).toEqual({ json: value });
  });

  const special: [string, unknown][] = [
    ["a date", { at: new Date(0) }],
    ["undefined in an object", { a: undefined }],
    ["undefined at the top", undefined],
    ["NaN", { n: Number.NaN }],
    ["Infinity", [Number.POSITIVE_INFINITY]],
    ["-0", -0],
    ["a bigint", 1n],
    ["a map", new Map([["a", 1]])],
    ["a set", new Set([1])],
    ["a class instance", { d: new (class Money { amount = "1.10"; })() }],
    // eslint-disable-next-line no-sparse-arrays -- the hole is what is tested
    ["a sparse array", [1, , 3]],
    ["a regexp", /x/],
  ];
  it.each(special)("%s is not plain: superjson annotates it", (_label, value) => {
    expect(isPlainJson(value, 0)).toBe(false);
  });

  it("gives up on very deep values instead of recursing without end", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(isPlainJson(deep, 0)).toBe(false);
  });
});
