import { z } from "zod";
import type { CoreInputs } from "../../../../lib/trpc.ts";
import type { SearchableEntity } from "../../../../shell/record-label.ts";

/** A records browser's state in the URL: search, sort, page. */
export const recordsSearchSchema = z.object({
  q: z.string().max(200).optional().catch(undefined),
  sort: z.string().max(64).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.number().int().min(0).catch(0).default(0),
  size: z.union([z.literal(25), z.literal(50), z.literal(100)]).catch(25).default(25),
});
export type RecordsSearch = z.infer<typeof recordsSearchSchema>;

/** The `core.records.list` input for a browser's URL state. */
export function recordsInput(entity: SearchableEntity, search: RecordsSearch): CoreInputs["records"]["list"] {
  return {
    entity,
    search: search.q || undefined,
    sort: search.sort,
    direction: search.dir,
    limit: search.size,
    offset: search.page * search.size,
  };
}
