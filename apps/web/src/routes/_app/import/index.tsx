import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { ImportWizard } from "./-components/import-wizard.tsx";

export const Route = createFileRoute("/_app/import/")({
  validateSearch: z.object({
    entity: z.enum(["accounts", "contacts", "leads", "opportunities", "activities", "users"]).optional().catch(undefined),
  }),
  component: ImportWizard,
});
