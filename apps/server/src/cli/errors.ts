import { isOpsdeckError } from "@opsdeck/core";
import { DatabaseLockedError } from "@opsdeck/db";
import { ZodError } from "zod";
import type { CliIo } from "./io.ts";

/** A usage error of the CLI itself (bad flag values, missing --org). Exit code 2. */
export class CliUsageError extends Error {
  override name = "CliUsageError";
}

/** The command already told the user what went wrong; only its exit code remains. */
export class CliExit extends Error {
  override name = "CliExit";
  readonly exitCode: number;
  constructor(exitCode: number) {
    super(`exit ${exitCode}`);
    this.exitCode = exitCode;
  }
}

/** Prints an error for a person (never a stack trace) and returns the exit code. */
export function reportCliError(io: CliIo, err: unknown): number {
  if (err instanceof CliExit) return err.exitCode;
  if (err instanceof CliUsageError) {
    io.err(`error: ${err.message}\n`);
    return 2;
  }
  if (isOpsdeckError(err)) {
    io.err(`error: ${err.message}\n`);
    for (const issue of err.issues.slice(0, 50)) {
      const where = [issue.row !== undefined ? `row ${issue.row}` : "", issue.column ? `column ${issue.column}` : ""]
        .filter(Boolean)
        .join(", ");
      io.err(`  ${where ? `${where}: ` : ""}${issue.message}${issue.value !== undefined ? ` (value: ${JSON.stringify(issue.value)})` : ""}\n`);
    }
    if (err.issues.length > 50) io.err(`  … and ${err.issues.length - 50} more\n`);
    return 1;
  }
  if (err instanceof ZodError) {
    io.err("error: invalid input\n");
    for (const issue of err.issues) io.err(`  ${issue.path.join(".") || "(input)"}: ${issue.message}\n`);
    return 2;
  }
  if (err instanceof DatabaseLockedError) {
    io.err(`error: ${err.message}\n`);
    return 1;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.err(`error: ${message}\n`);
  return 1;
}
