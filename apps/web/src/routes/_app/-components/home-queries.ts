import { trpc } from "../../../lib/trpc.ts";
import { SEARCHABLE_ENTITIES } from "../../../shell/record-label.ts";

/** The record counts on the home page (one row each: the total is what matters). */
export const homeCountsQueries = () => SEARCHABLE_ENTITIES.map((entity) => trpc.records.list.queryOptions({ entity, limit: 1 }));
