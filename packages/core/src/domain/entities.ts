import { createInsertSchema } from "drizzle-zod";
import { z } from "zod";
import { accounts, activities, contacts, leads, opportunities } from "../schema/tables.ts";
import { CURRENCY, parseMoney } from "./money.ts";
import { STAGE_IDS } from "./stages.ts";

/** The CRM record types every plugin shares. */
export const RECORD_ENTITIES = ["accounts", "contacts", "leads", "opportunities", "activities"] as const;
export type RecordEntity = (typeof RECORD_ENTITIES)[number];

export const recordTables = { accounts, contacts, leads, opportunities, activities } as const;
export type RecordTable = (typeof recordTables)[RecordEntity];

/** Which other records a column points to; a write may only point inside the caller's organization. */
export const recordReferences: Record<RecordEntity, Partial<Record<string, RecordEntity>>> = {
  accounts: { parentAccountId: "accounts" },
  contacts: { accountId: "accounts" },
  leads: {},
  opportunities: { accountId: "accounts" },
  activities: {
    contactId: "contacts",
    accountId: "accounts",
    opportunityId: "opportunities",
    leadId: "leads",
  },
};

/** Columns searched by the list's free-text filter. */
export const searchColumns: Record<RecordEntity, string[]> = {
  accounts: ["name", "domain", "externalId"],
  contacts: ["firstName", "lastName", "email", "externalId"],
  leads: ["firstName", "lastName", "email", "company", "externalId"],
  opportunities: ["name", "externalId"],
  activities: ["subject", "externalId"],
};

const moneyString = z
  .string()
  .refine((v) => parseMoney(v) !== undefined, "Not an amount")
  .transform((v) => parseMoney(v)!.toFixed(2));

const generated = { id: true, organizationId: true, updatedAt: true, deletedAt: true } as const;

export const recordInputSchemas = {
  accounts: createInsertSchema(accounts, {
    name: (s) => s.trim().min(1).max(255),
    employees: (s) => s.int().min(0).nullish(),
    annualRevenue: () => moneyString.nullish(),
  }).omit(generated),
  contacts: createInsertSchema(contacts, {
    email: (s) => s.trim().max(320).nullish(),
  }).omit(generated),
  // A conversion sets what the lead became (`convertLead`); an edit cannot.
  leads: createInsertSchema(leads).omit({ ...generated, convertedContactId: true, convertedAccountId: true, convertedOpportunityId: true }),
  opportunities: createInsertSchema(opportunities, {
    name: (s) => s.trim().min(1).max(255),
    amount: () => moneyString.nullish(),
    currency: (s) => s.regex(CURRENCY, "Use a 3-letter ISO currency code").optional(),
    stage: () => z.enum(STAGE_IDS),
    probability: (s) => s.int().min(0).max(100).nullish(),
  }).omit({ ...generated, isClosed: true, isWon: true }),
  activities: createInsertSchema(activities, {
    durationMinutes: (s) => s.int().min(0).nullish(),
  }).omit(generated),
} as const;

export type RecordInput<E extends RecordEntity> = z.input<(typeof recordInputSchemas)[E]>;
export type RecordRow<E extends RecordEntity> = (typeof recordTables)[E]["$inferSelect"];

export function isRecordEntity(value: string): value is RecordEntity {
  return (RECORD_ENTITIES as readonly string[]).includes(value);
}
