// The plugin's tables, all in schema `plugin_crm_hygiene`. Each area keeps its tables in its own file.
export { pluginCrmHygiene } from "./schema/base.ts";
export * from "./schema/quality.ts";
export * from "./schema/duplicates.ts";
