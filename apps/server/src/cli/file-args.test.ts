import { describe, expect, it } from "vitest";
import { absolutizeFileArgs } from "./file-args.ts";

describe("absolutizeFileArgs", () => {
  it("resolves file arguments against the CLI's directory, in both option spellings", () => {
    expect(absolutizeFileArgs(["report", "export", "Deals", "--format", "xlsx", "--out", "deals.xlsx"], "/home/ann")).toEqual([
      "report", "export", "Deals", "--format", "xlsx", "--out", "/home/ann/deals.xlsx",
    ]);
    expect(absolutizeFileArgs(["report", "export", "Deals", "--out=../x/deals.xlsx"], "/home/ann")).toEqual(["report", "export", "Deals", "--out=/home/x/deals.xlsx"]);
    expect(absolutizeFileArgs(["import", "accounts", "a.csv", "--map=m.json"], "/tmp/w")).toEqual(["import", "accounts", "/tmp/w/a.csv", "--map=/tmp/w/m.json"]);
    expect(absolutizeFileArgs(["export", "accounts", "--out", "/abs/a.csv", "--outline"], "/tmp/w")).toEqual(["export", "accounts", "--out", "/abs/a.csv", "--outline"]);
  });
});
