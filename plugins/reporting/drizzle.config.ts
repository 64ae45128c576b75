import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema.ts",
  out: "./drizzle",
  // Only the plugin's own schema: core's tables are referenced, never created here.
  schemaFilter: ["plugin_reporting"],
});
