import type { FieldSpec } from "./field-spec.ts";

/** Opportunity columns. Salesforce "Opportunities" and HubSpot "Deals" exports map onto these. */
export const opportunityFields: readonly FieldSpec[] = [
  {
    name: "external_id",
    type: "key",
    required: true,
    aliases: ["Opportunity ID", "Deal ID", "Record ID", "ID", "External ID", "Salesforce ID", "OpportunityId"],
    description: "The opportunity's id in the source CRM; the import key.",
  },
  {
    name: "account_external_id",
    type: "ref",
    aliases: ["Account ID", "AccountId", "Company ID", "Associated Company ID", "Account External ID"],
    description: "The external id of the opportunity's account (imported before).",
  },
  {
    name: "name",
    type: "text",
    required: true,
    aliases: ["Opportunity Name", "Deal Name", "Name"],
    description: "The opportunity's name.",
  },
  {
    name: "amount",
    type: "money",
    aliases: ["Amount", "Deal Amount", "Opportunity Amount", "Amount (converted)"],
    description: "An amount: 1234.5, 1,234.50, $1200, EUR 99 (exact, 2 decimals).",
  },
  {
    name: "currency",
    type: "currency",
    aliases: ["Currency", "Opportunity Currency", "Currency Code", "Deal Currency Code", "CurrencyIsoCode"],
    description: "A 3-letter ISO code (default: the organization's currency).",
  },
  {
    name: "stage",
    type: "stage",
    required: true,
    aliases: ["Stage", "Deal Stage", "StageName", "Opportunity Stage"],
    description: "A stage id or label, or a Salesforce/HubSpot stage name (map others with a value map).",
  },
  {
    name: "probability",
    type: "probability",
    aliases: ["Probability (%)", "Probability", "Deal Probability"],
    description: "0–100 (45, 45%, or 0.45); default and closed stages: the stage's probability.",
  },
  { name: "type", type: "text", aliases: ["Type", "Opportunity Type", "Deal Type"], description: "Type." },
  {
    name: "source",
    type: "text",
    aliases: ["Lead Source", "LeadSource", "Source", "Original Source"],
    description: "Where it came from.",
  },
  {
    name: "owner_email",
    type: "member",
    aliases: ["Opportunity Owner", "Opportunity Owner Email", "Deal owner", "Owner", "Owner Email", "HubSpot Owner"],
    description: "The owning member, by email (or by full name when unique).",
  },
  {
    name: "created_at",
    type: "timestamp",
    aliases: ["Created Date", "CreatedDate", "Create Date", "Created", "Created At"],
    description: "When the opportunity was created in the source CRM (default: now).",
  },
  {
    name: "close_date",
    type: "date",
    aliases: ["Close Date", "CloseDate", "Expected Close Date"],
    description: "The (expected) close date.",
  },
  {
    name: "closed_at",
    type: "timestamp",
    aliases: ["Closed Date", "Closed At", "Date Closed"],
    description: "When it closed; only kept for closed stages (default: the close date, else now).",
  },
  {
    name: "is_won",
    type: "bool",
    aliases: ["Won", "Is Won", "IsWon"],
    description: "Must agree with the stage when given.",
  },
];
