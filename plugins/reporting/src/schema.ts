// The plugin's tables, all in schema `plugin_reporting`. Each area keeps its tables in its own file.
export { pluginReporting } from "./schema/base.ts";
export * from "./schema/metrics.ts";
export * from "./schema/reports.ts";
