import { z } from "zod";
import { describe, expect, it } from "vitest";
import { fromText, kindOf, type JsonSchema } from "./json-schema-form.tsx";

// The schema a plugin's settings produce, as the host sends it (zod 4's toJSONSchema, input side).
const schema = z.toJSONSchema(
  z.object({
    greeting: z.string().default("Hello"),
    shout: z.boolean().default(false),
    repeat: z.number().int().min(1).max(5).default(1),
    ratio: z.number().optional(),
    tone: z.enum(["friendly", "formal"]).default("friendly"),
    domains: z.array(z.string()).default([]),
    nested: z.object({ a: z.string() }).optional(),
  }),
  { io: "input" },
) as JsonSchema;

describe("settings forms from JSON Schema", () => {
  it("picks a control per property", () => {
    const kinds = Object.fromEntries(Object.entries(schema.properties!).map(([k, v]) => [k, kindOf(v)]));
    expect(kinds).toEqual({ greeting: "string", shout: "boolean", repeat: "integer", ratio: "number", tone: "enum", domains: "string-list", nested: "json" });
  });

  it("turns what was typed back into values, leaving empty fields out so defaults apply", () => {
    expect(fromText("integer", "3")).toBe(3);
    expect(fromText("number", "")).toBeUndefined();
    expect(fromText("boolean", true)).toBe(true);
    expect(fromText("string-list", "a.com\nb.com, c.com\n")).toEqual(["a.com", "b.com", "c.com"]);
    expect(fromText("json", '{"a":"x"}')).toEqual({ a: "x" });
  });
});
