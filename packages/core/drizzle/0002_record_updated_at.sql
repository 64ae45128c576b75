CREATE INDEX "accounts_org_updated_idx" ON "core"."accounts" USING btree ("organization_id","updated_at");--> statement-breakpoint
CREATE INDEX "activities_org_updated_idx" ON "core"."activities" USING btree ("organization_id","updated_at");--> statement-breakpoint
CREATE INDEX "contacts_org_updated_idx" ON "core"."contacts" USING btree ("organization_id","updated_at");--> statement-breakpoint
CREATE INDEX "leads_org_updated_idx" ON "core"."leads" USING btree ("organization_id","updated_at");--> statement-breakpoint
CREATE INDEX "opportunities_org_updated_idx" ON "core"."opportunities" USING btree ("organization_id","updated_at");