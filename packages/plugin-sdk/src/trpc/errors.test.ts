import { OpsdeckError, type ErrorCode } from "@opsdeck/core";
import { TRPCError, type TRPCDefaultErrorShape } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { silentLogger } from "../logger.ts";
import { createErrorFormatter, toClientError } from "./errors.ts";

const where = { requestId: "r1", logger: silentLogger, path: "x.y", pluginId: "p" };
const shapeOf = (error: TRPCError) =>
  ({
    message: error.message,
    code: -32603,
    data: { code: error.code, httpStatus: 500, path: "x.y", stack: error.stack },
  }) as TRPCDefaultErrorShape;

describe("toClientError", () => {
  it.each([
    ["BAD_REQUEST", "BAD_REQUEST"],
    ["UNAUTHORIZED", "UNAUTHORIZED"],
    ["FORBIDDEN", "FORBIDDEN"],
    ["NOT_FOUND", "NOT_FOUND"],
    ["CONFLICT", "CONFLICT"],
    ["PLUGIN_DISABLED", "NOT_FOUND"],
    ["PRECONDITION_FAILED", "PRECONDITION_FAILED"],
    ["CANCELLED", "CLIENT_CLOSED_REQUEST"],
  ] as Array<[ErrorCode, string]>)("maps OpsdeckError %s to %s, keeping the message", (code, trpc) => {
    const thrown = new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: new OpsdeckError(code, "Said plainly.") });
    const mapped = toClientError(thrown, where);
    expect(mapped.code).toBe(trpc);
    expect(mapped.message).toBe("Said plainly.");
  });

  it("turns a zod error thrown by a service into BAD_REQUEST", () => {
    const zodError = z.object({ n: z.number() }).safeParse({ n: "1" }).error!;
    const mapped = toClientError(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: zodError }), where);
    expect(mapped.code).toBe("BAD_REQUEST");
    expect(mapped.message).toMatch(/^Invalid input: n: /);
  });

  it("hides an unexpected error's message and logs it", () => {
    const logs: unknown[] = [];
    const logger = { ...silentLogger, error: (obj: object | string) => void logs.push(obj) };
    const mapped = toClientError(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: new Error("secret") }), { ...where, logger });
    expect(mapped.message).not.toContain("secret");
    expect(mapped.message).toContain("r1");
    expect(logs).toHaveLength(1);
  });
});

describe("the error formatter", () => {
  const error = new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: new Error("db password=x") });

  it("never sends a stack or an internal message outside development", () => {
    const shape = createErrorFormatter({ exposeStack: false })({ shape: shapeOf(error), error, ctx: { requestId: "r9" } });
    expect(shape.data.stack).toBeUndefined();
    expect(JSON.stringify(shape)).not.toMatch(/password/);
    expect(shape.message).toBe("Something went wrong. The error was logged with reference r9.");
  });

  it("sends the stack in development", () => {
    const shape = createErrorFormatter({ exposeStack: true })({ shape: shapeOf(error), error, ctx: undefined });
    expect(shape.data.stack).toMatch(/errors\.test\.ts/);
  });

  it("adds the domain code and issues", () => {
    const cause = new OpsdeckError("PLUGIN_DISABLED", "Off.", { issues: [{ path: ["a"], message: "b" }] });
    const e = new TRPCError({ code: "NOT_FOUND", message: "Off.", cause });
    const shape = createErrorFormatter({ exposeStack: false })({ shape: shapeOf(e), error: e });
    expect(shape.data).toMatchObject({ opsdeckCode: "PLUGIN_DISABLED", issues: [{ path: ["a"], message: "b" }] });
    expect(shape.message).toBe("Off.");
  });
});
