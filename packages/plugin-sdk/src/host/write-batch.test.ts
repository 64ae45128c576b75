import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { endInBatch } from "./write-batch.ts";

function fakeResponse(log: string[], name: string, fail = false) {
  return {
    end(body?: string) {
      if (fail) throw new Error("socket gone");
      log.push(`${name}:${body ?? ""}`);
    },
  } as unknown as ServerResponse;
}

describe("endInBatch", () => {
  it("ends the responses finished in one turn of the event loop together, in order, after the turn", async () => {
    const log: string[] = [];
    endInBatch(fakeResponse(log, "a"), "1");
    await Promise.resolve(); // microtasks of the same turn join the batch
    endInBatch(fakeResponse(log, "b"), "2");
    endInBatch(fakeResponse(log, "c"));
    expect(log).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(["a:1", "b:2", "c:"]);
  });

  it("a response that cannot be written does not keep the others from theirs", async () => {
    const log: string[] = [];
    endInBatch(fakeResponse(log, "gone", true), "x");
    endInBatch(fakeResponse(log, "ok"), "y");
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(["ok:y"]);
    // The next batch is scheduled afresh.
    endInBatch(fakeResponse(log, "later"), "z");
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(["ok:y", "later:z"]);
  });
});
