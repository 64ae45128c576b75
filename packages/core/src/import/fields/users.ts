import { ROLES } from "../../schema/tables.ts";
import { choiceTable, type FieldSpec } from "./field-spec.ts";

const roleChoices = choiceTable(ROLES, {
  "sales ops": "ops",
  operations: "ops",
  revops: "ops",
  "system administrator": "admin",
  administrator: "admin",
  "sales manager": "manager",
  "standard user": "rep",
  "sales rep": "rep",
  "account executive": "rep",
  "new hire": "new_hire",
});

/** Member columns: people of the organization, keyed by email. */
export const userFields: readonly FieldSpec[] = [
  {
    name: "email",
    type: "email",
    required: true,
    aliases: ["Email", "Email Address", "Work Email", "User Email", "Username"],
    description: "The member's email; the import key (stored lower-case, like sign-in).",
  },
  {
    name: "name",
    type: "text",
    aliases: ["Name", "Full Name", "User Name", "Display Name"],
    description: "Full name (default for a new user: the part of the email before @).",
  },
  {
    name: "role",
    type: "choice",
    required: true,
    choices: roleChoices,
    aliases: ["Role", "Opsdeck Role", "Profile", "User Role"],
    description: `One of ${ROLES.join(", ")}.`,
  },
  {
    name: "team",
    type: "text",
    aliases: ["Team", "Team Name", "Sales Team"],
    description: "Team name; created when missing.",
  },
  {
    name: "manager_email",
    type: "email",
    aliases: ["Manager", "Manager Email", "Reports To", "Manager Email Address"],
    description: "The manager's email: a member, or a user earlier or later in the same file.",
  },
  { name: "title", type: "text", aliases: ["Title", "Job Title"], description: "Job title." },
  {
    name: "start_date",
    type: "date",
    aliases: ["Start Date", "Hire Date", "Start", "Started On"],
    description: "First day.",
  },
];
