import { createFileRoute } from "@tanstack/react-router";
import type { z } from "zod";
import { trpc } from "../../../lib/trpc.ts";
import { auditInput, auditSearchSchema } from "./-components/audit-query.ts";
import { AuditPage } from "./-components/audit-page.tsx";

export const Route = createFileRoute("/_app/admin/audit")({
  validateSearch: auditSearchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context: { queryClient }, deps }) => queryClient.ensureQueryData(trpc.audit.list.queryOptions(auditInput(deps))),
  component: AuditPage,
});

export type AuditSearch = z.infer<typeof auditSearchSchema>;
