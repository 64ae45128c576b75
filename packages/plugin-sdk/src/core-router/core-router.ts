import { router } from "../trpc/procedures.ts";
import { auditRouter } from "./audit.ts";
import { invitationsRouter } from "./invitations.ts";
import { jobsRouter } from "./jobs.ts";
import { meProcedure } from "./me.ts";
import { organizationRouter } from "./organization.ts";
import type { Platform } from "./platform.ts";
import { pluginsRouter } from "./plugins.ts";
import { recordsRouter } from "./records.ts";
import { rolesRouter } from "./roles.ts";
import { usersRouter } from "./users.ts";

/** The core router, mounted at `/api/trpc/core`, built with the same builders and checks as a plugin's. */
export function createCoreRouter(platform: Platform) {
  return router({
    me: meProcedure(platform),
    users: usersRouter(platform),
    invitations: invitationsRouter(platform),
    roles: rolesRouter(platform),
    organization: organizationRouter(platform),
    plugins: pluginsRouter(platform),
    audit: auditRouter(),
    jobs: jobsRouter(platform),
    records: recordsRouter(),
  });
}

/** The type of the core router, for the shell's typed client. */
export type CoreRouter = ReturnType<typeof createCoreRouter>;
