import type { FieldSpec } from "./field-spec.ts";

/** Contact columns. Salesforce "Contacts" and HubSpot "Contacts" exports map onto these. */
export const contactFields: readonly FieldSpec[] = [
  {
    name: "external_id",
    type: "key",
    required: true,
    aliases: ["Contact ID", "Record ID", "ID", "External ID", "Salesforce ID", "ContactId"],
    description: "The contact's id in the source CRM; the import key.",
  },
  {
    name: "account_external_id",
    type: "ref",
    aliases: [
      "Account ID",
      "AccountId",
      "Company ID",
      "Associated Company ID",
      "Primary Associated Company ID",
      "Account External ID",
    ],
    description: "The external id of the contact's account (imported before).",
  },
  { name: "first_name", type: "text", aliases: ["First Name", "FirstName", "Given Name"], description: "First name." },
  {
    name: "last_name",
    type: "text",
    aliases: ["Last Name", "LastName", "Surname", "Family Name"],
    description: "Last name.",
  },
  {
    name: "email",
    type: "email",
    aliases: ["Email", "Email Address", "E-mail", "Work Email"],
    description: "Email address, kept as written (must contain @ and a domain).",
  },
  {
    name: "phone",
    type: "text",
    aliases: ["Phone", "Phone Number", "Business Phone", "Work Phone"],
    description: "Phone number in any format.",
  },
  { name: "title", type: "text", aliases: ["Title", "Job Title"], description: "Job title." },
  {
    name: "country",
    type: "text",
    aliases: ["Mailing Country", "MailingCountry", "Country", "Country/Region"],
    description: "Country.",
  },
  {
    name: "state",
    type: "text",
    aliases: ["Mailing State/Province", "Mailing State", "MailingState", "State", "State/Region", "Province"],
    description: "State or province.",
  },
  { name: "city", type: "text", aliases: ["Mailing City", "MailingCity", "City"], description: "City." },
  {
    name: "owner_email",
    type: "member",
    aliases: ["Contact Owner", "Contact Owner Email", "Owner", "Owner Email", "HubSpot Owner"],
    description: "The owning member, by email (or by full name when unique).",
  },
  {
    name: "created_at",
    type: "timestamp",
    aliases: ["Created Date", "CreatedDate", "Create Date", "Created", "Created At"],
    description: "When the contact was created in the source CRM (default: now).",
  },
  {
    name: "last_activity_at",
    type: "timestamp",
    aliases: ["Last Activity", "Last Activity Date", "LastActivityDate", "Last Activity At"],
    description: "The last activity with the contact.",
  },
];
