/** The demo sizes. `tiny` is for tests; the CLI offers small, medium and large. */
export const SEED_SCALES = ["tiny", "small", "medium", "large"] as const;
export type SeedScale = (typeof SEED_SCALES)[number];

export interface ScaleSpec {
  /** Accounts before planted duplicates (subsidiaries included). */
  accounts: number;
  contactsPerAccount: number;
  leadsPerAccount: number;
  opportunitiesPerAccount: number;
  /** Mean activities logged against each contact and each opportunity, and follow-ups after a lead's first response. */
  activitiesPerContact: number;
  activitiesPerOpportunity: number;
  activitiesPerLead: number;
  /** Sales teams (3–8), each with a manager. */
  teams: number;
  reps: number;
  newHires: number;
  /** Reps who left; their records keep them as owner (a hygiene finding). */
  formerReps: number;
  /** Accounts generated and loaded together; two blocks at most are in memory. */
  blockAccounts: number;
}

export const SCALES: Record<SeedScale, ScaleSpec> = {
  tiny: {
    accounts: 60,
    contactsPerAccount: 5,
    leadsPerAccount: 2,
    opportunitiesPerAccount: 2.6,
    activitiesPerContact: 2.2,
    activitiesPerOpportunity: 2.2,
    activitiesPerLead: 0.5,
    teams: 3,
    reps: 9,
    newHires: 2,
    formerReps: 1,
    blockAccounts: 25,
  },
  small: {
    accounts: 1_000,
    contactsPerAccount: 4.6,
    leadsPerAccount: 2,
    opportunitiesPerAccount: 2.4,
    activitiesPerContact: 2.4,
    activitiesPerOpportunity: 2.4,
    activitiesPerLead: 0.5,
    teams: 4,
    reps: 20,
    newHires: 3,
    formerReps: 2,
    blockAccounts: 1_000,
  },
  medium: {
    accounts: 20_000,
    contactsPerAccount: 5,
    leadsPerAccount: 2,
    opportunitiesPerAccount: 2.6,
    activitiesPerContact: 1.8,
    activitiesPerOpportunity: 1.8,
    activitiesPerLead: 0.4,
    teams: 6,
    reps: 100,
    newHires: 8,
    formerReps: 6,
    blockAccounts: 4_000,
  },
  large: {
    accounts: 200_000,
    contactsPerAccount: 4.85,
    leadsPerAccount: 1.5,
    opportunitiesPerAccount: 2.5,
    activitiesPerContact: 1.65,
    activitiesPerOpportunity: 1.65,
    activitiesPerLead: 0.4,
    teams: 8,
    reps: 400,
    newHires: 20,
    formerReps: 15,
    blockAccounts: 5_000,
  },
};
