import { pgSchema } from "drizzle-orm/pg-core";

export const pluginCrmHygiene = pgSchema("plugin_crm_hygiene");
