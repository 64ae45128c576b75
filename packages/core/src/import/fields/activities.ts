import { ACTIVITY_TYPES } from "../../schema/tables.ts";
import { choiceTable, type FieldSpec } from "./field-spec.ts";

const activityTypeChoices = choiceTable(ACTIVITY_TYPES, {
  "phone call": "call",
  "logged call": "call",
  "outbound call": "call",
  "inbound call": "call",
  "sent email": "email",
  "logged email": "email",
  "incoming email": "email",
  event: "meeting",
  "logged meeting": "meeting",
  "to-do": "task",
  todo: "task",
  comment: "note",
});

/** Activity columns. Salesforce "Tasks/Events" and HubSpot "Activities" exports map onto these. */
export const activityFields: readonly FieldSpec[] = [
  {
    name: "external_id",
    type: "key",
    required: true,
    aliases: ["Activity ID", "Task ID", "Event ID", "Engagement ID", "Record ID", "ID", "External ID"],
    description: "The activity's id in the source CRM; the import key.",
  },
  {
    name: "type",
    type: "choice",
    required: true,
    choices: activityTypeChoices,
    aliases: ["Activity Type", "Task Type", "Engagement Type", "Type", "Task Subtype"],
    description: `One of ${ACTIVITY_TYPES.join(", ")} (Call, Event, Logged call… are recognized).`,
  },
  { name: "subject", type: "text", aliases: ["Subject", "Title", "Activity Subject"], description: "Subject." },
  {
    name: "occurred_at",
    type: "timestamp",
    required: true,
    aliases: ["Activity Date", "Date", "Due Date", "Occurred At", "Timestamp", "Start Date Time", "Activity date"],
    description: "When it happened.",
  },
  {
    name: "duration_minutes",
    type: "int",
    aliases: ["Duration (minutes)", "Duration", "Call Duration (minutes)", "Duration Minutes"],
    description: "Length in minutes, a whole number.",
  },
  {
    name: "owner_email",
    type: "member",
    aliases: ["Assigned", "Assigned To", "Activity Owner", "Activity assigned to", "Owner", "Owner Email"],
    description: "The member who did it, by email (or by full name when unique).",
  },
  {
    name: "contact_external_id",
    type: "ref",
    aliases: ["Contact ID", "Associated Contact ID", "Contact External ID"],
    description: "The external id of a contact (imported before).",
  },
  {
    name: "account_external_id",
    type: "ref",
    aliases: ["Account ID", "Company ID", "Associated Company ID", "Account External ID"],
    description: "The external id of an account (imported before).",
  },
  {
    name: "opportunity_external_id",
    type: "ref",
    aliases: ["Opportunity ID", "Deal ID", "Associated Deal ID", "Opportunity External ID"],
    description: "The external id of an opportunity (imported before).",
  },
  {
    name: "lead_external_id",
    type: "ref",
    aliases: ["Lead ID", "Lead External ID"],
    description: "The external id of a lead (imported before).",
  },
];
