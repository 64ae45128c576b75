import type { TaskContext } from "@opsdeck/plugin-sdk";
import { datasetCatalog, REPORT_DATASET_SLOT, type Dataset } from "./datasets.ts";

/** Core's datasets plus those registered by the plugins enabled in the organization (request and task contexts alike). */
export function catalogFor(ctx: Pick<TaskContext, "slotContributions">): Dataset[] {
  return datasetCatalog(ctx.slotContributions(REPORT_DATASET_SLOT));
}
