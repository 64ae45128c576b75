import type { AnyRouter } from "@trpc/server";
import { ACCESS_MARK, describeAccess, sameAccess, type ProcedureAccess, type ProcedureMeta } from "./meta.ts";

/** One procedure of a router and what it requires. */
export interface ProcedureInfo {
  path: string;
  type: "query" | "mutation" | "subscription";
  access: ProcedureAccess | undefined;
  description?: string | undefined;
  /** Why the host refuses it, when it does. */
  problem?: string | undefined;
}

interface ProcedureDef {
  type: ProcedureInfo["type"];
  meta?: ProcedureMeta;
  middlewares?: unknown[];
}

/**
 * Lists a router's procedures with their access declaration, and flags any that did not come from the
 * SDK's builders: no declaration in the meta, or meta that disagrees with the middleware that enforces it.
 */
export function inspectRouter(router: AnyRouter): ProcedureInfo[] {
  const def = router._def as { procedures: Record<string, { _def: ProcedureDef }>; lazy?: Record<string, unknown> };
  const out: ProcedureInfo[] = [];
  for (const key of Object.keys(def.lazy ?? {})) {
    out.push({ path: key, type: "query", access: undefined, problem: `"${key}" is a lazy router, which the host cannot check` });
  }
  for (const [path, proc] of Object.entries(def.procedures)) {
    const pdef = proc._def;
    const access = pdef.meta?.access;
    const enforced = (pdef.middlewares ?? [])
      .map((m) => (m as Record<symbol, ProcedureAccess | undefined>)[ACCESS_MARK])
      .filter((a): a is ProcedureAccess => a !== undefined);
    let problem: string | undefined;
    if (!access) {
      problem = `procedure "${path}" declares no permission: start it with procedure.permission(…), procedure.authenticated() or procedure.public()`;
    } else if (enforced.length !== 1 || !sameAccess(enforced[0], access)) {
      const actual = enforced.length ? enforced.map(describeAccess).join(", ") : "nothing";
      problem = `procedure "${path}" declares ${describeAccess(access)} in its meta but enforces ${actual}`;
    }
    out.push({ path, type: pdef.type, access, description: pdef.meta?.description, problem });
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}
