import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("@opsdeck/plugin-sdk/client", () => {
  it("imports nothing from the server side at run time", () => {
    const source = fs.readFileSync(path.join(import.meta.dirname, "client.ts"), "utf8");
    const runtime = [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gm)].map((m) => m[1]);
    expect(runtime.sort()).toEqual(["@trpc/client", "superjson"]);
  });
});
