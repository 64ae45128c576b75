ALTER TABLE "core"."leads" ADD COLUMN "converted_contact_id" uuid;--> statement-breakpoint
ALTER TABLE "core"."leads" ADD COLUMN "converted_account_id" uuid;--> statement-breakpoint
ALTER TABLE "core"."leads" ADD COLUMN "converted_opportunity_id" uuid;--> statement-breakpoint
ALTER TABLE "core"."leads" ADD CONSTRAINT "leads_converted_contact_id_contacts_id_fk" FOREIGN KEY ("converted_contact_id") REFERENCES "core"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."leads" ADD CONSTRAINT "leads_converted_account_id_accounts_id_fk" FOREIGN KEY ("converted_account_id") REFERENCES "core"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."leads" ADD CONSTRAINT "leads_converted_opportunity_id_opportunities_id_fk" FOREIGN KEY ("converted_opportunity_id") REFERENCES "core"."opportunities"("id") ON DELETE set null ON UPDATE no action;