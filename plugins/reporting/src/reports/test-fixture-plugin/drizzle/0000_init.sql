CREATE SCHEMA "plugin_call_log";
--> statement-breakpoint
CREATE TABLE "plugin_call_log"."calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"owner_id" uuid,
	"kind" text NOT NULL,
	"score" numeric(12, 2) NOT NULL,
	"secret" text
);
--> statement-breakpoint
CREATE VIEW "plugin_call_log"."report_calls" AS SELECT "id", "organization_id", "owner_id", "kind", "score" FROM "plugin_call_log"."calls";
