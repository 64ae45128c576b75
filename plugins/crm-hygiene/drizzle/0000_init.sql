CREATE SCHEMA "plugin_crm_hygiene";
--> statement-breakpoint
CREATE TABLE "plugin_crm_hygiene"."account_legal_forms" (
	"organization_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"legal_form" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_legal_forms_organization_id_account_id_pk" PRIMARY KEY("organization_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "plugin_crm_hygiene"."normalization_changes" (
	"run_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"record_id" uuid NOT NULL,
	"field" text NOT NULL,
	"before" text,
	"after" text,
	CONSTRAINT "normalization_changes_run_id_entity_record_id_field_pk" PRIMARY KEY("run_id","entity","record_id","field")
);
--> statement-breakpoint
CREATE TABLE "plugin_crm_hygiene"."normalization_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"job_id" uuid,
	"undo_job_id" uuid,
	"scanned" integer DEFAULT 0 NOT NULL,
	"changed" integer DEFAULT 0 NOT NULL,
	"invalid" integer DEFAULT 0 NOT NULL,
	"undo_result" jsonb,
	"error" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"undone_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "plugin_crm_hygiene"."quality_snapshots" (
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"scope" text NOT NULL,
	"records" integer NOT NULL,
	"penalty" numeric(18, 6) NOT NULL,
	"score" numeric(5, 2) NOT NULL,
	"issues" jsonb NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quality_snapshots_organization_id_day_scope_pk" PRIMARY KEY("organization_id","day","scope"),
	CONSTRAINT "quality_snapshots_score_ck" CHECK ("plugin_crm_hygiene"."quality_snapshots"."score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "plugin_crm_hygiene"."validation_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"config" jsonb NOT NULL,
	"severity" text NOT NULL,
	"message" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plugin_crm_hygiene"."duplicate_clusters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"scan_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"score" double precision NOT NULL,
	"record_ids" uuid[] NOT NULL,
	"pairs" jsonb NOT NULL,
	"merge_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "plugin_crm_hygiene"."duplicate_scans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"job_id" uuid,
	"status" text DEFAULT 'running' NOT NULL,
	"stats" jsonb,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "plugin_crm_hygiene"."match_keys" (
	"organization_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"record_id" uuid NOT NULL,
	"keys" bigint[] NOT NULL,
	CONSTRAINT "match_keys_organization_id_entity_record_id_pk" PRIMARY KEY("organization_id","entity","record_id")
);
--> statement-breakpoint
CREATE TABLE "plugin_crm_hygiene"."matching_rules" (
	"organization_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"rules" jsonb NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matching_rules_organization_id_entity_pk" PRIMARY KEY("organization_id","entity")
);
--> statement-breakpoint
CREATE TABLE "plugin_crm_hygiene"."merges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"survivor_id" uuid NOT NULL,
	"merged_ids" uuid[] NOT NULL,
	"field_picks" jsonb NOT NULL,
	"snapshot" jsonb NOT NULL,
	"cluster_id" uuid,
	"merged_by_user_id" uuid,
	"merged_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "plugin_crm_hygiene"."not_duplicates" (
	"organization_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"record_a" uuid NOT NULL,
	"record_b" uuid NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "not_duplicates_organization_id_entity_record_a_record_b_pk" PRIMARY KEY("organization_id","entity","record_a","record_b")
);
--> statement-breakpoint
ALTER TABLE "plugin_crm_hygiene"."account_legal_forms" ADD CONSTRAINT "account_legal_forms_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_crm_hygiene"."account_legal_forms" ADD CONSTRAINT "account_legal_forms_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "core"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_crm_hygiene"."normalization_changes" ADD CONSTRAINT "normalization_changes_run_id_normalization_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "plugin_crm_hygiene"."normalization_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_crm_hygiene"."normalization_changes" ADD CONSTRAINT "normalization_changes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_crm_hygiene"."normalization_runs" ADD CONSTRAINT "normalization_runs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_crm_hygiene"."normalization_runs" ADD CONSTRAINT "normalization_runs_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "core"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_crm_hygiene"."quality_snapshots" ADD CONSTRAINT "quality_snapshots_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_crm_hygiene"."validation_rules" ADD CONSTRAINT "validation_rules_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_crm_hygiene"."validation_rules" ADD CONSTRAINT "validation_rules_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "core"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_crm_hygiene"."duplicate_clusters" ADD CONSTRAINT "duplicate_clusters_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_crm_hygiene"."duplicate_scans" ADD CONSTRAINT "duplicate_scans_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_crm_hygiene"."match_keys" ADD CONSTRAINT "match_keys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_crm_hygiene"."matching_rules" ADD CONSTRAINT "matching_rules_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_crm_hygiene"."merges" ADD CONSTRAINT "merges_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_crm_hygiene"."not_duplicates" ADD CONSTRAINT "not_duplicates_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "normalization_changes_org_record_idx" ON "plugin_crm_hygiene"."normalization_changes" USING btree ("organization_id","entity","record_id");--> statement-breakpoint
CREATE INDEX "normalization_runs_org_created_idx" ON "plugin_crm_hygiene"."normalization_runs" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "quality_snapshots_org_scope_day_idx" ON "plugin_crm_hygiene"."quality_snapshots" USING btree ("organization_id","scope","day");--> statement-breakpoint
CREATE INDEX "validation_rules_org_entity_idx" ON "plugin_crm_hygiene"."validation_rules" USING btree ("organization_id","entity");--> statement-breakpoint
CREATE INDEX "duplicate_clusters_queue_idx" ON "plugin_crm_hygiene"."duplicate_clusters" USING btree ("organization_id","entity","status","score");--> statement-breakpoint
CREATE INDEX "duplicate_clusters_records_idx" ON "plugin_crm_hygiene"."duplicate_clusters" USING gin ("record_ids");--> statement-breakpoint
CREATE INDEX "duplicate_scans_org_entity_idx" ON "plugin_crm_hygiene"."duplicate_scans" USING btree ("organization_id","entity","started_at");--> statement-breakpoint
CREATE INDEX "match_keys_keys_idx" ON "plugin_crm_hygiene"."match_keys" USING gin ("keys");--> statement-breakpoint
CREATE INDEX "merges_org_survivor_idx" ON "plugin_crm_hygiene"."merges" USING btree ("organization_id","survivor_id");--> statement-breakpoint
CREATE INDEX "merges_org_merged_idx" ON "plugin_crm_hygiene"."merges" USING gin ("merged_ids");--> statement-breakpoint
CREATE INDEX "merges_org_at_idx" ON "plugin_crm_hygiene"."merges" USING btree ("organization_id","merged_at");