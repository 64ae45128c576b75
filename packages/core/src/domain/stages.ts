/** The opportunity stages every organization starts with, in pipeline order, with default probabilities. */
export const STAGES = [
  { id: "prospecting", label: "Prospecting", probability: 10, closed: false, won: false },
  { id: "qualification", label: "Qualification", probability: 20, closed: false, won: false },
  { id: "needs_analysis", label: "Needs analysis", probability: 40, closed: false, won: false },
  { id: "proposal", label: "Proposal", probability: 60, closed: false, won: false },
  { id: "negotiation", label: "Negotiation", probability: 80, closed: false, won: false },
  { id: "closed_won", label: "Closed won", probability: 100, closed: true, won: true },
  { id: "closed_lost", label: "Closed lost", probability: 0, closed: true, won: false },
] as const;

export type StageId = (typeof STAGES)[number]["id"];
export const STAGE_IDS = STAGES.map((s) => s.id) as unknown as readonly [StageId, ...StageId[]];

const byKey = new Map<string, StageId>();
for (const s of STAGES) {
  byKey.set(s.id, s.id);
  byKey.set(s.label.toLowerCase(), s.id);
}
// Salesforce and HubSpot stage names seen in exports.
const aliases: Record<string, StageId> = {
  "id. decision makers": "needs_analysis",
  "value proposition": "needs_analysis",
  "perception analysis": "needs_analysis",
  "proposal/price quote": "proposal",
  "negotiation/review": "negotiation",
  appointmentscheduled: "prospecting",
  "appointment scheduled": "prospecting",
  qualifiedtobuy: "qualification",
  "qualified to buy": "qualification",
  presentationscheduled: "needs_analysis",
  "presentation scheduled": "needs_analysis",
  decisionmakerboughtin: "proposal",
  "decision maker bought-in": "proposal",
  contractsent: "negotiation",
  "contract sent": "negotiation",
  closedwon: "closed_won",
  "closed won": "closed_won",
  won: "closed_won",
  closedlost: "closed_lost",
  "closed lost": "closed_lost",
  lost: "closed_lost",
};
for (const [k, v] of Object.entries(aliases)) byKey.set(k, v);

/** Maps a stage as written in a CRM export to Opsdeck's stage id. */
export function parseStage(input: string): StageId | undefined {
  const key = input.trim().toLowerCase().replace(/[_-]+/g, " ");
  return byKey.get(key) ?? byKey.get(key.replace(/ /g, "_")) ?? byKey.get(key.replace(/ /g, ""));
}

export function stageInfo(id: StageId) {
  return STAGES.find((s) => s.id === id)!;
}
