import { isOpsdeckError, type ErrorCode, type ErrorIssue } from "@opsdeck/core";
import { TRPCError, type TRPCDefaultErrorShape as DefaultErrorShape, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import type { Logger } from "../logger.ts";
import { isValidationError, summarizeIssues, validationIssues } from "./issues.ts";

/** How each domain error code travels over tRPC. PLUGIN_DISABLED is a NOT_FOUND that says why. */
export const TRPC_CODE_OF: Record<ErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PLUGIN_DISABLED: "NOT_FOUND",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  CANCELLED: "CLIENT_CLOSED_REQUEST",
};

/** The message a user sees for an unexpected error; the details go to the log only. */
export function internalErrorMessage(requestId: string | undefined): string {
  return requestId
    ? `Something went wrong. The error was logged with reference ${requestId}.`
    : "Something went wrong. The error was logged.";
}

/**
 * Turns whatever a procedure threw into the error the client gets: an OpsdeckError keeps its code
 * (mapped), a zod error becomes BAD_REQUEST with its issues, anything unexpected becomes a logged
 * INTERNAL_SERVER_ERROR with a generic message.
 */
export function toClientError(
  error: TRPCError,
  where: { requestId: string; logger: Logger; path: string; pluginId: string },
): TRPCError {
  const cause = error.cause;
  if (isOpsdeckError(cause)) return new TRPCError({ code: TRPC_CODE_OF[cause.code], message: cause.message, cause });
  if (isValidationError(cause)) {
    return new TRPCError({ code: "BAD_REQUEST", message: summarizeIssues(validationIssues(cause)), cause });
  }
  if (error.code !== "INTERNAL_SERVER_ERROR") return error;
  where.logger.error(
    { err: cause ?? error, path: where.path, plugin: where.pluginId, requestId: where.requestId },
    "procedure failed",
  );
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: internalErrorMessage(where.requestId) });
}

/** The `data` of every Opsdeck API error. */
export interface OpsdeckErrorData {
  code: TRPC_ERROR_CODE_KEY;
  httpStatus: number;
  path?: string;
  /** Only in development. */
  stack?: string;
  /** The domain code, when it says more than `code` (e.g. PLUGIN_DISABLED behind NOT_FOUND). */
  opsdeckCode?: ErrorCode;
  /** What is wrong with the input, field by field (BAD_REQUEST). */
  issues?: ErrorIssue[];
  requestId?: string;
}

export interface OpsdeckErrorShape {
  message: string;
  code: DefaultErrorShape["code"];
  data: OpsdeckErrorData;
}

/**
 * The tRPC error formatter: zod issues on BAD_REQUEST (`data.issues`), the domain code
 * (`data.opsdeckCode`), a generic message for internal errors, and a stack only when `exposeStack`.
 */
export function createErrorFormatter(options: { exposeStack: boolean }) {
  return (opts: { shape: DefaultErrorShape; error: TRPCError; ctx?: { requestId?: string } | undefined }): OpsdeckErrorShape => {
    const { shape, error } = opts;
    const cause = error.cause;
    const { stack, ...rest } = shape.data;
    const data: OpsdeckErrorData = { ...rest };
    if (options.exposeStack && stack) data.stack = stack;
    const requestId = opts.ctx?.requestId;
    if (requestId) data.requestId = requestId;
    let message = shape.message;
    if (isOpsdeckError(cause)) {
      data.opsdeckCode = cause.code;
      if (cause.issues.length) data.issues = cause.issues;
    } else if (isValidationError(cause)) {
      data.issues = validationIssues(cause);
      message = summarizeIssues(data.issues);
    } else if (error.code === "INTERNAL_SERVER_ERROR") {
      message = internalErrorMessage(requestId);
    }
    return { message, code: shape.code, data };
  };
}
