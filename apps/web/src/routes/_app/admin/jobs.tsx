import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { trpc } from "../../../lib/trpc.ts";
import { JobsPage } from "./-components/jobs-page.tsx";
import { jobsInput, JOB_STATUS_FILTERS } from "./-components/jobs-query.ts";

export const Route = createFileRoute("/_app/admin/jobs")({
  validateSearch: z.object({ status: z.enum(JOB_STATUS_FILTERS).catch("all").default("all") }),
  loaderDeps: ({ search }) => ({ status: search.status }),
  loader: ({ context: { queryClient }, deps }) => queryClient.ensureQueryData(trpc.jobs.list.queryOptions(jobsInput(deps.status))),
  component: JobsPage,
});
