import { createFileRoute, notFound } from "@tanstack/react-router";
import { z } from "zod";
import { trpc } from "../../../../lib/trpc.ts";
import { SEARCHABLE_ENTITIES, type SearchableEntity } from "../../../../shell/record-label.ts";
import { RecordDetailPage } from "../-components/record-detail-page.tsx";

export const Route = createFileRoute("/_app/records/$entity/$recordId")({
  params: {
    parse: ({ entity, recordId }) => {
      if (!(SEARCHABLE_ENTITIES as readonly string[]).includes(entity)) throw notFound();
      return { entity: entity as SearchableEntity, recordId };
    },
    stringify: ({ entity, recordId }) => ({ entity, recordId }),
  },
  // `?convertInto=<contactId>` on a lead opens "Convert lead" with that contact chosen (CRM hygiene links to it).
  validateSearch: z.object({ convertInto: z.guid().optional().catch(undefined) }),
  loader: ({ context: { queryClient }, params }) => queryClient.ensureQueryData(trpc.records.get.queryOptions({ entity: params.entity, id: params.recordId })),
  component: RecordDetailPage,
});
