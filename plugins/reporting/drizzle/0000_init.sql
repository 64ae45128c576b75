CREATE SCHEMA "plugin_reporting";
--> statement-breakpoint
CREATE TABLE "plugin_reporting"."activity_daily" (
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"owner_id" uuid NOT NULL,
	"type" text NOT NULL,
	"prospect" boolean NOT NULL,
	"activity_count" integer DEFAULT 0 NOT NULL,
	"minutes" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "activity_daily_organization_id_day_owner_id_type_prospect_pk" PRIMARY KEY("organization_id","day","owner_id","type","prospect")
);
--> statement-breakpoint
CREATE TABLE "plugin_reporting"."activity_daily_totals" (
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"type" text NOT NULL,
	"prospect" boolean NOT NULL,
	"activity_count" integer DEFAULT 0 NOT NULL,
	"minutes" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "activity_daily_totals_organization_id_day_type_prospect_pk" PRIMARY KEY("organization_id","day","type","prospect")
);
--> statement-breakpoint
CREATE TABLE "plugin_reporting"."activity_facts" (
	"organization_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"day" date NOT NULL,
	"type" text NOT NULL,
	"prospect" boolean NOT NULL,
	"minutes" integer NOT NULL,
	CONSTRAINT "activity_facts_organization_id_activity_id_pk" PRIMARY KEY("organization_id","activity_id")
);
--> statement-breakpoint
CREATE TABLE "plugin_reporting"."dashboards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"widgets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sharing" text DEFAULT 'private' NOT NULL,
	"owner_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plugin_reporting"."lead_daily" (
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"owner_id" uuid NOT NULL,
	"source" text NOT NULL,
	"response_seconds" numeric(20, 6) NOT NULL,
	"lead_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "lead_daily_organization_id_day_owner_id_source_response_seconds_pk" PRIMARY KEY("organization_id","day","owner_id","source","response_seconds")
);
--> statement-breakpoint
CREATE TABLE "plugin_reporting"."lead_daily_totals" (
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"source" text NOT NULL,
	"response_seconds" numeric(20, 6) NOT NULL,
	"lead_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "lead_daily_totals_organization_id_day_source_response_seconds_pk" PRIMARY KEY("organization_id","day","source","response_seconds")
);
--> statement-breakpoint
CREATE TABLE "plugin_reporting"."lead_facts" (
	"organization_id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"source" text NOT NULL,
	"created_day" date NOT NULL,
	"response_seconds" numeric(20, 6) NOT NULL,
	CONSTRAINT "lead_facts_organization_id_lead_id_pk" PRIMARY KEY("organization_id","lead_id")
);
--> statement-breakpoint
CREATE TABLE "plugin_reporting"."metric_state" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"time_zone" text NOT NULL,
	"built_at" timestamp with time zone,
	"as_of" timestamp with time zone,
	"watermark" timestamp with time zone,
	"refresh_requested_at" timestamp with time zone,
	"last_duration_ms" integer
);
--> statement-breakpoint
CREATE TABLE "plugin_reporting"."opportunity_daily" (
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"owner_id" uuid NOT NULL,
	"source" text NOT NULL,
	"segment" text NOT NULL,
	"currency" text NOT NULL,
	"created_count" integer DEFAULT 0 NOT NULL,
	"created_amount" numeric(24, 4) DEFAULT '0' NOT NULL,
	"created_weighted" numeric(24, 4) DEFAULT '0' NOT NULL,
	"closed_count" integer DEFAULT 0 NOT NULL,
	"closed_amount" numeric(24, 4) DEFAULT '0' NOT NULL,
	"closed_weighted" numeric(24, 4) DEFAULT '0' NOT NULL,
	"won_count" integer DEFAULT 0 NOT NULL,
	"won_amount" numeric(24, 4) DEFAULT '0' NOT NULL,
	"won_cycle_seconds" numeric(24, 6) DEFAULT '0' NOT NULL,
	"lost_count" integer DEFAULT 0 NOT NULL,
	"reached_1" integer DEFAULT 0 NOT NULL,
	"reached_2" integer DEFAULT 0 NOT NULL,
	"reached_3" integer DEFAULT 0 NOT NULL,
	"reached_4" integer DEFAULT 0 NOT NULL,
	"reached_5" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "opportunity_daily_organization_id_day_owner_id_source_segment_currency_pk" PRIMARY KEY("organization_id","day","owner_id","source","segment","currency")
);
--> statement-breakpoint
CREATE TABLE "plugin_reporting"."opportunity_daily_totals" (
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"source" text NOT NULL,
	"segment" text NOT NULL,
	"currency" text NOT NULL,
	"created_count" integer DEFAULT 0 NOT NULL,
	"created_amount" numeric(24, 4) DEFAULT '0' NOT NULL,
	"created_weighted" numeric(24, 4) DEFAULT '0' NOT NULL,
	"closed_count" integer DEFAULT 0 NOT NULL,
	"closed_amount" numeric(24, 4) DEFAULT '0' NOT NULL,
	"closed_weighted" numeric(24, 4) DEFAULT '0' NOT NULL,
	"won_count" integer DEFAULT 0 NOT NULL,
	"won_amount" numeric(24, 4) DEFAULT '0' NOT NULL,
	"won_cycle_seconds" numeric(24, 6) DEFAULT '0' NOT NULL,
	"lost_count" integer DEFAULT 0 NOT NULL,
	"reached_1" integer DEFAULT 0 NOT NULL,
	"reached_2" integer DEFAULT 0 NOT NULL,
	"reached_3" integer DEFAULT 0 NOT NULL,
	"reached_4" integer DEFAULT 0 NOT NULL,
	"reached_5" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "opportunity_daily_totals_organization_id_day_source_segment_currency_pk" PRIMARY KEY("organization_id","day","source","segment","currency")
);
--> statement-breakpoint
CREATE TABLE "plugin_reporting"."opportunity_facts" (
	"organization_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"source" text NOT NULL,
	"segment" text NOT NULL,
	"currency" text NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"probability" smallint NOT NULL,
	"stage" text NOT NULL,
	"reached" smallint NOT NULL,
	"created_day" date NOT NULL,
	"closed_day" date,
	"is_won" boolean NOT NULL,
	"cycle_seconds" numeric(20, 6),
	CONSTRAINT "opportunity_facts_organization_id_opportunity_id_pk" PRIMARY KEY("organization_id","opportunity_id")
);
--> statement-breakpoint
CREATE TABLE "plugin_reporting"."opportunity_open" (
	"organization_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"source" text NOT NULL,
	"segment" text NOT NULL,
	"currency" text NOT NULL,
	"stage" text NOT NULL,
	"open_count" integer DEFAULT 0 NOT NULL,
	"open_amount" numeric(24, 4) DEFAULT '0' NOT NULL,
	"open_weighted" numeric(24, 4) DEFAULT '0' NOT NULL,
	CONSTRAINT "opportunity_open_organization_id_owner_id_source_segment_currency_stage_pk" PRIMARY KEY("organization_id","owner_id","source","segment","currency","stage")
);
--> statement-breakpoint
CREATE TABLE "plugin_reporting"."opportunity_open_totals" (
	"organization_id" uuid NOT NULL,
	"source" text NOT NULL,
	"segment" text NOT NULL,
	"currency" text NOT NULL,
	"stage" text NOT NULL,
	"open_count" integer DEFAULT 0 NOT NULL,
	"open_amount" numeric(24, 4) DEFAULT '0' NOT NULL,
	"open_weighted" numeric(24, 4) DEFAULT '0' NOT NULL,
	CONSTRAINT "opportunity_open_totals_organization_id_source_segment_currency_stage_pk" PRIMARY KEY("organization_id","source","segment","currency","stage")
);
--> statement-breakpoint
CREATE TABLE "plugin_reporting"."refresh_queue" (
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"record_id" uuid NOT NULL,
	"batch" uuid,
	CONSTRAINT "refresh_queue_organization_id_kind_record_id_pk" PRIMARY KEY("organization_id","kind","record_id")
);
--> statement-breakpoint
CREATE TABLE "plugin_reporting"."forecast_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"period_name" text NOT NULL,
	"week_start" date NOT NULL,
	"commit" numeric(18, 2) NOT NULL,
	"best_case" numeric(18, 2) NOT NULL,
	"pipeline" numeric(18, 2) NOT NULL,
	"currency" text NOT NULL,
	"note" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plugin_reporting"."pipeline_snapshot_rows" (
	"organization_id" uuid NOT NULL,
	"snapshot_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"owner_id" uuid,
	"stage" text NOT NULL,
	"probability" smallint,
	"amount" numeric(18, 2),
	"currency" text NOT NULL,
	"amount_org" numeric(30, 10),
	"close_date" date,
	CONSTRAINT "pipeline_snapshot_rows_snapshot_id_opportunity_id_pk" PRIMARY KEY("snapshot_id","opportunity_id")
);
--> statement-breakpoint
CREATE TABLE "plugin_reporting"."pipeline_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"taken_on" date NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL,
	"currency" text NOT NULL,
	"row_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plugin_reporting"."saved_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"definition" jsonb NOT NULL,
	"owner_user_id" uuid,
	"shared_roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"shared_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plugin_reporting"."schedule_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"schedule_id" uuid NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"value" text,
	"fired" boolean,
	"mails" integer DEFAULT 0 NOT NULL,
	"error" text,
	"job_id" uuid,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "plugin_reporting"."schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"cron" text NOT NULL,
	"time_zone" text NOT NULL,
	"recipients" text[] NOT NULL,
	"config" jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"next_due_at" timestamp with time zone,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plugin_reporting"."activity_daily" ADD CONSTRAINT "activity_daily_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_reporting"."activity_daily_totals" ADD CONSTRAINT "activity_daily_totals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_reporting"."activity_facts" ADD CONSTRAINT "activity_facts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_reporting"."dashboards" ADD CONSTRAINT "dashboards_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_reporting"."dashboards" ADD CONSTRAINT "dashboards_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "core"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_reporting"."lead_daily" ADD CONSTRAINT "lead_daily_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_reporting"."lead_daily_totals" ADD CONSTRAINT "lead_daily_totals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_reporting"."lead_facts" ADD CONSTRAINT "lead_facts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_reporting"."metric_state" ADD CONSTRAINT "metric_state_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_reporting"."opportunity_daily" ADD CONSTRAINT "opportunity_daily_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_reporting"."opportunity_daily_totals" ADD CONSTRAINT "opportunity_daily_totals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_reporting"."opportunity_facts" ADD CONSTRAINT "opportunity_facts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_reporting"."opportunity_open" ADD CONSTRAINT "opportunity_open_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_reporting"."opportunity_open_totals" ADD CONSTRAINT "opportunity_open_totals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_reporting"."refresh_queue" ADD CONSTRAINT "refresh_queue_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_reporting"."forecast_submissions" ADD CONSTRAINT "forecast_submissions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_reporting"."forecast_submissions" ADD CONSTRAINT "forecast_submissions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "core"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_reporting"."pipeline_snapshot_rows" ADD CONSTRAINT "pipeline_snapshot_rows_snapshot_id_pipeline_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "plugin_reporting"."pipeline_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_reporting"."pipeline_snapshots" ADD CONSTRAINT "pipeline_snapshots_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_reporting"."saved_reports" ADD CONSTRAINT "saved_reports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_reporting"."saved_reports" ADD CONSTRAINT "saved_reports_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "core"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_reporting"."schedule_runs" ADD CONSTRAINT "schedule_runs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_reporting"."schedule_runs" ADD CONSTRAINT "schedule_runs_schedule_id_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "plugin_reporting"."schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_reporting"."schedules" ADD CONSTRAINT "schedules_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "core"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_reporting"."schedules" ADD CONSTRAINT "schedules_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "core"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_daily_owner_idx" ON "plugin_reporting"."activity_daily" USING btree ("organization_id","owner_id","day");--> statement-breakpoint
CREATE INDEX "activity_facts_day_idx" ON "plugin_reporting"."activity_facts" USING btree ("organization_id","day");--> statement-breakpoint
CREATE INDEX "dashboards_org_idx" ON "plugin_reporting"."dashboards" USING btree ("organization_id","name");--> statement-breakpoint
CREATE INDEX "lead_daily_owner_idx" ON "plugin_reporting"."lead_daily" USING btree ("organization_id","owner_id","day");--> statement-breakpoint
CREATE INDEX "lead_facts_created_idx" ON "plugin_reporting"."lead_facts" USING btree ("organization_id","created_day");--> statement-breakpoint
CREATE INDEX "opportunity_daily_owner_idx" ON "plugin_reporting"."opportunity_daily" USING btree ("organization_id","owner_id","day");--> statement-breakpoint
CREATE INDEX "opportunity_facts_closed_idx" ON "plugin_reporting"."opportunity_facts" USING btree ("organization_id","closed_day");--> statement-breakpoint
CREATE INDEX "opportunity_facts_created_idx" ON "plugin_reporting"."opportunity_facts" USING btree ("organization_id","created_day");--> statement-breakpoint
CREATE INDEX "forecast_submissions_org_period_idx" ON "plugin_reporting"."forecast_submissions" USING btree ("organization_id","period_start","user_id","submitted_at");--> statement-breakpoint
CREATE INDEX "forecast_submissions_org_week_idx" ON "plugin_reporting"."forecast_submissions" USING btree ("organization_id","week_start");--> statement-breakpoint
CREATE INDEX "pipeline_snapshot_rows_org_snapshot_idx" ON "plugin_reporting"."pipeline_snapshot_rows" USING btree ("organization_id","snapshot_id","owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pipeline_snapshots_org_day_uq" ON "plugin_reporting"."pipeline_snapshots" USING btree ("organization_id","taken_on");--> statement-breakpoint
CREATE UNIQUE INDEX "saved_reports_org_name_uq" ON "plugin_reporting"."saved_reports" USING btree ("organization_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "schedule_runs_schedule_due_uq" ON "plugin_reporting"."schedule_runs" USING btree ("schedule_id","due_at");--> statement-breakpoint
CREATE INDEX "schedule_runs_org_created_idx" ON "plugin_reporting"."schedule_runs" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "schedules_due_idx" ON "plugin_reporting"."schedules" USING btree ("enabled","next_due_at");