import { getDateRangePresets } from "@opsdeck/ui";
import { format } from "date-fns";
import * as z from "zod/mini";
import type { Filters } from "./api.ts";

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const guid = z.string().check(z.regex(/^[0-9a-f-]{36}$/i));

/** The dashboard's shared filters, in the URL so a link or a reload shows the same numbers. */
export const dashboardSearchSchema = z.object({
  from: z.catch(z.optional(isoDate), undefined),
  to: z.catch(z.optional(isoDate), undefined),
  teamId: z.catch(z.optional(guid), undefined),
  ownerId: z.catch(z.optional(guid), undefined),
  segment: z.catch(z.optional(z.enum(["smb", "mid", "ent", "unknown"])), undefined),
  source: z.catch(z.optional(z.string().check(z.maxLength(100))), undefined),
  edit: z.catch(z.optional(z.boolean()), undefined),
});
export type DashboardSearch = z.infer<typeof dashboardSearchSchema>;

const iso = (d: Date) => format(d, "yyyy-MM-dd");

/** The filters a dashboard asks with: the URL's, the current fiscal quarter by default. */
export function filtersOf(search: DashboardSearch, fiscalYearStartMonth: number, today = new Date()): Filters {
  const quarter = getDateRangePresets(today, { fiscalYearStartMonth }).find((p) => p.id === "this-quarter")!.range;
  let from = search.from ?? iso(quarter.from);
  let to = search.to ?? iso(quarter.to);
  if (from > to) [from, to] = [to, from];
  return { from, to, teamId: search.teamId, ownerId: search.ownerId, segment: search.segment, source: search.source };
}
