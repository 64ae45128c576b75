CREATE TABLE "core"."record_deletions" (
	"organization_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"record_id" uuid NOT NULL,
	"deleted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_deletions_entity_record_id_pk" PRIMARY KEY("entity","record_id")
);
--> statement-breakpoint
CREATE INDEX "record_deletions_org_deleted_idx" ON "core"."record_deletions" USING btree ("organization_id","entity","deleted_at");--> statement-breakpoint
-- One tombstone per deleted record, written by a statement-level trigger (one insert per DELETE statement,
-- however many rows it removes). Rows removed because their organization is being deleted are skipped.
CREATE FUNCTION "core"."record_tombstones"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "core"."record_deletions" ("organization_id", "entity", "record_id")
  SELECT g."organization_id", TG_TABLE_NAME, g."id" FROM gone g
  WHERE EXISTS (SELECT 1 FROM "core"."organizations" o WHERE o."id" = g."organization_id")
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "accounts_tombstones" AFTER DELETE ON "core"."accounts" REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION "core"."record_tombstones"();
--> statement-breakpoint
CREATE TRIGGER "contacts_tombstones" AFTER DELETE ON "core"."contacts" REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION "core"."record_tombstones"();
--> statement-breakpoint
CREATE TRIGGER "leads_tombstones" AFTER DELETE ON "core"."leads" REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION "core"."record_tombstones"();
--> statement-breakpoint
CREATE TRIGGER "opportunities_tombstones" AFTER DELETE ON "core"."opportunities" REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION "core"."record_tombstones"();
--> statement-breakpoint
CREATE TRIGGER "activities_tombstones" AFTER DELETE ON "core"."activities" REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION "core"."record_tombstones"();
