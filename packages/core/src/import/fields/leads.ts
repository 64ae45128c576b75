import { LEAD_STATUSES } from "../../schema/tables.ts";
import { choiceTable, type FieldSpec } from "./field-spec.ts";

/** Salesforce's and HubSpot's default lead statuses, mapped onto Opsdeck's. */
const leadStatusChoices = choiceTable(LEAD_STATUSES, {
  open: "new",
  "open - not contacted": "new",
  "attempted to contact": "working",
  "working - contacted": "working",
  "in progress": "working",
  connected: "working",
  contacted: "working",
  "bad timing": "nurturing",
  "open deal": "qualified",
  "closed - converted": "converted",
  "closed - not converted": "unqualified",
  disqualified: "unqualified",
});

/** Lead columns. Salesforce "Leads" and HubSpot contact-with-lead-status exports map onto these. */
export const leadFields: readonly FieldSpec[] = [
  {
    name: "external_id",
    type: "key",
    required: true,
    aliases: ["Lead ID", "Record ID", "ID", "External ID", "Salesforce ID", "LeadId"],
    description: "The lead's id in the source CRM; the import key.",
  },
  { name: "first_name", type: "text", aliases: ["First Name", "FirstName", "Given Name"], description: "First name." },
  { name: "last_name", type: "text", aliases: ["Last Name", "LastName", "Surname"], description: "Last name." },
  {
    name: "email",
    type: "email",
    aliases: ["Email", "Email Address", "E-mail"],
    description: "Email address, kept as written (must contain @ and a domain).",
  },
  {
    name: "phone",
    type: "text",
    aliases: ["Phone", "Phone Number", "Business Phone"],
    description: "Phone number in any format.",
  },
  { name: "company", type: "text", aliases: ["Company", "Company Name"], description: "The lead's company." },
  { name: "title", type: "text", aliases: ["Title", "Job Title"], description: "Job title." },
  { name: "country", type: "text", aliases: ["Country", "Country/Region"], description: "Country." },
  {
    name: "state",
    type: "text",
    aliases: ["State/Province", "State", "State/Region", "Province"],
    description: "State or province.",
  },
  {
    name: "source",
    type: "text",
    aliases: ["Lead Source", "LeadSource", "Source", "Original Source"],
    description: "Where the lead came from.",
  },
  {
    name: "status",
    type: "choice",
    choices: leadStatusChoices,
    aliases: ["Lead Status", "LeadStatus", "Status"],
    description: `One of ${LEAD_STATUSES.join(", ")} (Salesforce and HubSpot statuses are recognized; default new).`,
  },
  {
    name: "owner_email",
    type: "member",
    aliases: ["Lead Owner", "Lead Owner Email", "Contact owner", "Owner", "Owner Email", "HubSpot Owner"],
    description: "The owning member, by email (or by full name when unique).",
  },
  {
    name: "created_at",
    type: "timestamp",
    aliases: ["Created Date", "CreatedDate", "Create Date", "Created", "Created At"],
    description: "When the lead was created in the source CRM (default: now).",
  },
  {
    name: "first_response_at",
    type: "timestamp",
    aliases: ["First Response", "First Response Date", "First Response At", "First Contacted"],
    description: "The first response to the lead.",
  },
  {
    name: "converted_at",
    type: "timestamp",
    aliases: ["Converted Date", "ConvertedDate", "Conversion Date", "Converted At"],
    description: "When the lead was converted.",
  },
];
