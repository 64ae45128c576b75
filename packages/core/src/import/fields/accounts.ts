import type { FieldSpec } from "./field-spec.ts";

/** Account columns. Salesforce "Accounts" and HubSpot "Companies" exports map onto these. */
export const accountFields: readonly FieldSpec[] = [
  {
    name: "external_id",
    type: "key",
    required: true,
    aliases: ["Account ID", "Record ID", "Company ID", "ID", "External ID", "Salesforce ID", "AccountId"],
    description: "The account's id in the source CRM; the import key.",
  },
  {
    name: "name",
    type: "text",
    required: true,
    aliases: ["Account Name", "Company Name", "Name", "Company"],
    description: "The account's name.",
  },
  {
    name: "domain",
    type: "text",
    aliases: ["Website", "Web Site", "Company Domain Name", "Domain Name", "URL"],
    description: "Web domain or website, kept as written.",
  },
  { name: "industry", type: "text", aliases: ["Industry", "Account Industry"], description: "Industry." },
  {
    name: "employees",
    type: "int",
    aliases: ["Number of Employees", "NumberOfEmployees", "Employees", "Employee Count", "Headcount"],
    description: "Head count, a whole number.",
  },
  {
    name: "annual_revenue",
    type: "money",
    aliases: ["Annual Revenue", "AnnualRevenue", "Revenue"],
    description: "Yearly revenue, an amount.",
  },
  {
    name: "country",
    type: "text",
    aliases: ["Billing Country", "BillingCountry", "Country", "Country/Region"],
    description: "Country.",
  },
  {
    name: "state",
    type: "text",
    aliases: ["Billing State/Province", "Billing State", "BillingState", "State", "State/Region", "Province"],
    description: "State or province.",
  },
  { name: "city", type: "text", aliases: ["Billing City", "BillingCity", "City"], description: "City." },
  {
    name: "postal_code",
    type: "text",
    aliases: [
      "Billing Zip/Postal Code",
      "Billing Postal Code",
      "BillingPostalCode",
      "Postal Code",
      "Zip",
      "Zip Code",
      "Postcode",
    ],
    description: "Postal code, kept as written.",
  },
  {
    name: "owner_email",
    type: "member",
    aliases: ["Account Owner", "Account Owner Email", "Company owner", "Owner", "Owner Email", "HubSpot Owner"],
    description: "The owning member, by email (or by full name when unique).",
  },
  {
    name: "parent_external_id",
    type: "ref",
    aliases: ["Parent Account ID", "ParentId", "Parent ID", "Parent Company ID", "Parent Account External ID"],
    description: "The parent account's external id; it may appear later in the same file.",
  },
];
