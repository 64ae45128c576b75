import { pgSchema } from "drizzle-orm/pg-core";

export const pluginReporting = pgSchema("plugin_reporting");
