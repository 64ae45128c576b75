import type { ErrorIssue } from "@opsdeck/core";

interface IssueLike {
  path?: readonly unknown[];
  message: string;
}

/** True for a zod (or standard-schema) validation error: it carries the list of issues. */
export function isValidationError(err: unknown): err is Error & { issues: IssueLike[] } {
  return (
    err instanceof Error &&
    (err.name === "ZodError" || err.name === "StandardSchemaV1Error" || err.constructor.name === "ZodError") &&
    Array.isArray((err as { issues?: unknown }).issues)
  );
}

/** The issues of a validation error in the API's shape: a path and a message each. */
export function validationIssues(err: Error & { issues: IssueLike[] }): ErrorIssue[] {
  return err.issues.map((issue) => {
    const path = (issue.path ?? []).map((p) => (typeof p === "number" ? p : String(p)));
    return path.length ? { path, message: issue.message } : { message: issue.message };
  });
}

/** One line summing up issues: "Invalid input: name: Too small; email: Invalid email". */
export function summarizeIssues(issues: ErrorIssue[]): string {
  if (!issues.length) return "Invalid input";
  const parts = issues.slice(0, 3).map((i) => (i.path?.length ? `${i.path.join(".")}: ${i.message}` : i.message));
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : "";
  return `Invalid input: ${parts.join("; ")}${more}`;
}
