import { createFileRoute } from "@tanstack/react-router";
import { trpc } from "../../../lib/trpc.ts";
import { ImportResultPage } from "./-components/import-result-page.tsx";

export const Route = createFileRoute("/_app/import/$jobId")({
  loader: ({ context: { queryClient }, params }) => queryClient.ensureQueryData(trpc.jobs.get.queryOptions({ jobId: params.jobId })),
  component: ImportResultPage,
});
