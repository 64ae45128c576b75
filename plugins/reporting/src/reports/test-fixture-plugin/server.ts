// A small plugin for the reports tests: it owns schema plugin_call_log and offers its view `report_calls`
// to the report builder through the `reporting.report.dataset` slot, as a real plugin would.
import path from "node:path";
import { definePlugin, procedure, router } from "@opsdeck/plugin-sdk";

export default definePlugin({
  id: "call-log",
  name: "Call log",
  version: "1.0.0",
  description: "Scored calls, offered to the report builder.",
  engines: { opsdeck: ">=0.1.0" },
  permissions: [{ id: "call-log.calls.read", description: "Read calls", defaultRoles: ["admin", "ops", "manager", "rep"] }],
  db: { schema: "plugin_call_log", migrationsFolder: path.join(import.meta.dirname, "drizzle") },
  router: router({ ping: procedure.permission("call-log.calls.read").query(() => "pong") }),
  slots: {
    "reporting.report.dataset": [
      {
        id: "calls",
        label: "Calls",
        relation: "plugin_call_log.report_calls",
        ownerColumn: "owner_id",
        fields: [
          { name: "kind", label: "Kind", type: "text" },
          { name: "score", label: "Score", type: "number" },
        ],
      },
      // Not its own schema: the reporting plugin must ignore it.
      { id: "users", label: "Users", relation: "core.users", fields: [{ name: "email", label: "Email", type: "text" }] },
    ],
  },
});
