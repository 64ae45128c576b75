// Fellegi-Sunter m/u probabilities per comparison level. m: how often a true duplicate pair lands on the level;
// u: how often two unrelated records do. The first level's u comes from the value's frequency in the data
// (term-frequency adjustment: sharing a rare surname says more than sharing "Smith"), the others from here.
import type { Comparator } from "./rules.ts";

export interface LevelTable {
  /** Level names, best first; the last is "disagree". */
  levels: readonly string[];
  m: readonly number[];
  /** u per level; NaN marks the frequency-based level. */
  u: readonly number[];
  /**
   * Ceiling of the frequency-based u: in a small organization every value looks common (2 of 4 accounts share
   * a domain), yet sharing a domain stays strong evidence.
   */
  uMax: number;
}

const T = (levels: string[], m: number[], u: number[], uMax: number): LevelTable => ({ levels, m, u, uMax });

export const LEVELS: Record<Exclude<Comparator, "person_name">, LevelTable> = {
  exact: T(["same", "different"], [0.9, 0.1], [NaN, 0.95], 0.05),
  normalized: T(["same", "different"], [0.9, 0.1], [NaN, 0.95], 0.3),
  jaro_winkler: T(["same", "very similar", "similar", "different"], [0.8, 0.1, 0.05, 0.05], [NaN, 0.005, 0.02, 0.97], 0.2),
  token_set: T(["same words", "very similar", "similar", "different"], [0.7, 0.25, 0.03, 0.02], [NaN, 0.002, 0.01, 0.98], 0.01),
  // Two addresses that both exist and differ are strong evidence of two people: a company gives a person one
  // address, and the same mailbox at another domain is mostly the same name pattern at another company.
  email: T(["same", "same mailbox, other domain", "different"], [0.8, 0.005, 0.003], [NaN, 0.01, 0.99], 0.001),
  domain: T(["same", "different"], [0.9, 0.02], [NaN, 0.999], 0.005),
  phone: T(["same", "same last 7 digits", "different"], [0.85, 0.03, 0.05], [NaN, 0.00001, 0.9999], 0.001),
};

/** Field-specific m of the "different" level, where the generic one would mislead. */
export const DISAGREE_M: Record<string, number> = {
  // Contacts re-entered at the account's own duplicate keep their person but not the account id.
  "account:exact": 0.08,
  "title:normalized": 0.15,
  "title:jaro_winkler": 0.15,
  // A company is not in two countries; a subsidiary abroad is not a duplicate.
  "country:normalized": 0.02,
  "industry:normalized": 0.05,
  "city:normalized": 0.08,
};

export const FIRST_NAME = T(["same", "sounds alike / very similar", "similar", "different"], [0.82, 0.12, 0.03, 0.03], [NaN, 0.01, 0.05, 0.94], 0.05);
export const LAST_NAME = T(["same", "sounds alike / very similar", "similar", "different"], [0.85, 0.12, 0.02, 0.01], [NaN, 0.004, 0.03, 0.96], 0.02);
/** Bits taken off when the names only match swapped (first ↔ last). */
export const SWAP_PENALTY = 0.5;

export const log2 = Math.log2;

/** Weight in bits of a level with a fixed u. */
export function levelWeight(table: LevelTable, level: number, mOverride?: number): number {
  const m = mOverride ?? table.m[level]!;
  return log2(m / table.u[level]!);
}

/** Weight in bits of the frequency-based level for a value held by `count` of `size` records (u at most `uMax`). */
export function frequencyWeight(m: number, count: number, size: number, uMax = 1): number {
  return log2(m / Math.min(uMax, Math.max(count, 1) / Math.max(size, 1)));
}

/** Probability of a match from a total weight in bits (prior included). */
export function toProbability(bits: number): number {
  return 1 / (1 + 2 ** -bits);
}

/** The weight a probability needs. */
export function toBits(probability: number): number {
  return log2(probability / (1 - probability));
}
