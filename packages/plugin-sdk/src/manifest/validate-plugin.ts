import type { AnyRouter } from "@trpc/server";
import type { z } from "zod";
import { inspectRouter, type ProcedureInfo } from "../trpc/inspect-router.ts";
import { manifestSchema, type ValidManifest } from "./manifest-schema.ts";

export interface PluginValidation {
  /** The manifest when it is valid. */
  manifest: ValidManifest | undefined;
  procedures: ProcedureInfo[];
  /** Everything wrong, one sentence each; empty when the plugin may load. */
  problems: string[];
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.map(String).join(".");
  return where ? `${where}: ${issue.message}` : issue.message;
}

/**
 * Checks a plugin definition the way the host does at start: the manifest (zod), permission ids in the
 * plugin's namespace, and every procedure declaring an access the plugin (or core) defines.
 */
export function validatePlugin(definition: unknown, corePermissions: ReadonlySet<string>): PluginValidation {
  if (typeof definition !== "object" || definition === null) {
    return { manifest: undefined, procedures: [], problems: ["The ./server entry must default-export definePlugin({...})"] };
  }
  const parsed = manifestSchema.safeParse(definition);
  if (!parsed.success) {
    return { manifest: undefined, procedures: [], problems: parsed.error.issues.map(describeIssue) };
  }
  const manifest = parsed.data;
  const procedures = inspectRouter(manifest.router as AnyRouter);
  const problems: string[] = [];
  const own = new Set(manifest.permissions.map((p) => p.id));
  for (const proc of procedures) {
    if (proc.problem) problems.push(proc.problem);
    else if (proc.access?.kind === "permission" && !own.has(proc.access.permission) && !corePermissions.has(proc.access.permission)) {
      problems.push(
        `procedure "${proc.path}" requires the permission "${proc.access.permission}", which neither the plugin nor core declares`,
      );
    }
  }
  for (const [name, download] of Object.entries(manifest.downloads ?? {})) {
    if (!own.has(download.permission) && !corePermissions.has(download.permission)) {
      problems.push(`download "${name}" requires the permission "${download.permission}", which neither the plugin nor core declares`);
    }
  }
  return { manifest, procedures, problems };
}
