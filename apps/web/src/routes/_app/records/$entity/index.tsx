import { createFileRoute, notFound } from "@tanstack/react-router";
import { trpc } from "../../../../lib/trpc.ts";
import { SEARCHABLE_ENTITIES, type SearchableEntity } from "../../../../shell/record-label.ts";
import { RecordsPage } from "../-components/records-page.tsx";
import { recordsInput, recordsSearchSchema } from "../-components/records-query.ts";

export const Route = createFileRoute("/_app/records/$entity/")({
  params: {
    parse: ({ entity }) => {
      if (!(SEARCHABLE_ENTITIES as readonly string[]).includes(entity)) throw notFound();
      return { entity: entity as SearchableEntity };
    },
    stringify: ({ entity }) => ({ entity }),
  },
  validateSearch: recordsSearchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context: { queryClient }, params, deps }) => queryClient.ensureQueryData(trpc.records.list.queryOptions(recordsInput(params.entity, deps))),
  component: RecordsPage,
});
