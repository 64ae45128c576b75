export const ERROR_CODES = [
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "PLUGIN_DISABLED",
  "PRECONDITION_FAILED",
  "CANCELLED",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorIssue {
  /** 1-based data row of a CSV file (the header is row 0), when the issue comes from a file. */
  row?: number;
  column?: string;
  value?: string;
  path?: (string | number)[];
  message: string;
}

/** A domain error with a code the API maps to a status; its message is safe to show to a user. */
export class OpsdeckError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[];
  constructor(code: ErrorCode, message: string, options: { issues?: ErrorIssue[]; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "OpsdeckError";
    this.code = code;
    this.issues = options.issues ?? [];
  }
}

export const notFound = (what: string) => new OpsdeckError("NOT_FOUND", `${what} was not found.`);
export const badRequest = (message: string, issues?: ErrorIssue[]) =>
  new OpsdeckError("BAD_REQUEST", message, { issues: issues ?? [] });

export function isOpsdeckError(err: unknown): err is OpsdeckError {
  return err instanceof OpsdeckError;
}
