// Scores a pair of records: prior odds + the log-likelihood weight of each comparison's level. Cheap (integer)
// comparisons run first; when even the best outcome of the remaining ones cannot lift the pair to the floor,
// scoring stops early — that keeps an all-pairs run and big blocks affordable.
import jaroWinkler from "talisman/metrics/jaro-winkler.js";
import { columnKey, type FeatureTable, type NameColumns, type ValueColumn } from "./features.ts";
import type { ComparisonRule, MatchingRules } from "./rules.ts";
import {
  DISAGREE_M,
  FIRST_NAME,
  frequencyWeight,
  LAST_NAME,
  LEVELS,
  levelWeight,
  SWAP_PENALTY,
  toBits,
  type LevelTable,
} from "./weights.ts";

export interface ComparisonOutcome {
  field: string;
  comparator: string;
  level: string;
  weight: number;
}

interface Compiled {
  rule: ComparisonRule;
  fuzzy: boolean;
  /** The most this comparison can add for the pair. */
  max(i: number, j: number): number;
  /** Its weight for the pair; sets `level` for explanations. */
  weight(i: number, j: number): number;
  level: string;
}

export interface Scorer {
  /** Prior odds of a match, in bits. */
  prior: number;
  /** The pair's total weight in bits, or -Infinity once it is clear the total stays below `floorBits`. */
  score(i: number, j: number, floorBits: number): number;
  explain(i: number, j: number): { prior: number; total: number; outcomes: ComparisonOutcome[] };
}

const jw = (a: string | null | undefined, b: string | null | undefined) => (a && b ? jaroWinkler(a, b) : 0);

function valueComparison(t: FeatureTable, rule: ComparisonRule, col: ValueColumn): Compiled {
  const table: LevelTable = LEVELS[rule.comparator as keyof typeof LEVELS];
  const k = rule.weight;
  const last = table.levels.length - 1;
  const disagreeM = DISAGREE_M[columnKey(rule)];
  const fixed = table.levels.map((_, l) => (l === 0 ? 0 : k * levelWeight(table, l, l === last ? disagreeM : undefined)));
  const freq = (code: number) => k * frequencyWeight(table.m[0]!, col.interner.counts[code]!, t.size, table.uMax);
  const { codes, text, sub } = col;
  const c: Compiled = {
    rule,
    fuzzy: text !== null,
    level: "",
    max(i, j) {
      const a = codes[i]!;
      if (a < 0 || codes[j]! < 0) return 0;
      return Math.max(freq(a), freq(codes[j]!), fixed[1]!);
    },
    weight(i, j) {
      const a = codes[i]!;
      const b = codes[j]!;
      if (a < 0 || b < 0) {
        c.level = "missing";
        return 0;
      }
      let level = last;
      if (a === b) level = 0;
      else if (sub && sub[i] && sub[i] === sub[j]) level = 1;
      else if (text) {
        const sim = rule.comparator === "token_set" ? tokenSetSimilarity(text[i]!, text[j]!) : jw(text[i], text[j]);
        level = sim >= 0.94 ? 1 : sim >= 0.88 ? 2 : last;
        if (rule.comparator === "jaro_winkler" && sim >= 0.97) level = 0;
      }
      c.level = table.levels[level]!;
      return level === 0 ? freq(a) : fixed[level]!;
    },
  };
  return c;
}

/** Company names: 1 when one's words are all in the other, else Jaro-Winkler of the word lists. */
export function tokenSetSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const ta = a.split(" ");
  const tb = new Set(b.split(" "));
  if (ta.length && ta.every((w) => tb.has(w))) return 0.95;
  const sa = new Set(ta);
  if ([...tb].every((w) => sa.has(w))) return 0.95;
  return jw(a, b);
}

function nameComparison(t: FeatureTable, rule: ComparisonRule, n: NameColumns): Compiled {
  const k = rule.weight;
  const counts = n.names.counts;
  const fixedFirst = [0, k * levelWeight(FIRST_NAME, 1), k * levelWeight(FIRST_NAME, 2), k * levelWeight(FIRST_NAME, 3)];
  const fixedLast = [0, k * levelWeight(LAST_NAME, 1), k * levelWeight(LAST_NAME, 2), k * levelWeight(LAST_NAME, 3)];
  const freqFirst = (code: number) => k * frequencyWeight(FIRST_NAME.m[0]!, counts[code]!, t.size, FIRST_NAME.uMax);
  const freqLast = (code: number) => k * frequencyWeight(LAST_NAME.m[0]!, counts[code]!, t.size, LAST_NAME.uMax);
  const { first, last, firstText, lastText, firstPhon, firstPhonAlt, lastPhon, lastPhonAlt } = n;

  // Level of one name part of i (code a, text ta, phonetic pa/aa) against one of j.
  const part = (a: number, b: number, ta: string | null, tb: string | null, pa: number, aa: number, pb: number, ab: number): number => {
    if (a < 0 || b < 0) return -1;
    if (a === b) return 0;
    if (pa >= 0 && (pa === pb || pa === ab || (aa >= 0 && (aa === pb || aa === ab)))) return 1;
    const sim = jw(ta, tb);
    return sim >= 0.92 ? 1 : sim >= 0.8 ? 2 : 3;
  };
  const firstW = (level: number, code: number) => (level < 0 ? 0 : level === 0 ? freqFirst(code) : fixedFirst[level]!);
  const lastW = (level: number, code: number) => (level < 0 ? 0 : level === 0 ? freqLast(code) : fixedLast[level]!);
  const names = ["same", "sounds alike / very similar", "similar", "different"];

  const c: Compiled = {
    rule,
    fuzzy: true,
    level: "",
    max(i, j) {
      let best = 0;
      for (const code of [first[i]!, last[i]!, first[j]!, last[j]!]) if (code >= 0) best = Math.max(best, freqFirst(code) + freqLast(code));
      return Math.max(best, fixedFirst[1]! + fixedLast[1]!);
    },
    weight(i, j) {
      const df = part(first[i]!, first[j]!, firstText[i]!, firstText[j]!, firstPhon[i]!, firstPhonAlt[i]!, firstPhon[j]!, firstPhonAlt[j]!);
      const dl = part(last[i]!, last[j]!, lastText[i]!, lastText[j]!, lastPhon[i]!, lastPhonAlt[i]!, lastPhon[j]!, lastPhonAlt[j]!);
      const direct = firstW(df, first[i]!) + lastW(dl, last[i]!);
      if (df === 0 && dl === 0) {
        c.level = "same first and last name";
        return direct;
      }
      const sf = part(first[i]!, last[j]!, firstText[i]!, lastText[j]!, firstPhon[i]!, firstPhonAlt[i]!, lastPhon[j]!, lastPhonAlt[j]!);
      const sl = part(last[i]!, first[j]!, lastText[i]!, firstText[j]!, lastPhon[i]!, lastPhonAlt[i]!, firstPhon[j]!, firstPhonAlt[j]!);
      const swapped = firstW(sf, first[i]!) + lastW(sl, last[i]!) - k * SWAP_PENALTY;
      if (swapped > direct && sf >= 0 && sl >= 0) {
        c.level = `swapped: first ${names[sf]}, last ${names[sl]}`;
        return swapped;
      }
      c.level = df < 0 && dl < 0 ? "missing" : `first ${df < 0 ? "missing" : names[df]}, last ${dl < 0 ? "missing" : names[dl]}`;
      return direct;
    },
  };
  return c;
}

/** Compiles a rule set into a scorer over a feature table. */
export function createScorer(t: FeatureTable, rules: MatchingRules, comparedPairs?: number): Scorer {
  const compiled: Compiled[] = [];
  for (const rule of rules.comparisons) {
    if (rule.weight === 0) continue;
    if (rule.comparator === "person_name") {
      if (t.name) compiled.push(nameComparison(t, rule, t.name));
    } else {
      const col = t.columns.get(columnKey(rule));
      if (col) compiled.push(valueComparison(t, rule, col));
    }
  }
  compiled.sort((a, b) => Number(a.fuzzy) - Number(b.fuzzy));
  // Prior odds: the expected duplicate pairs among all pairs (between the two sides for leads vs contacts).
  const leads = t.entity === "lead_contact" ? t.side.reduce((s, v) => s + v, 0) : t.size;
  const pairs = comparedPairs ?? (t.entity === "lead_contact" ? leads * (t.size - leads) : (t.size * (t.size - 1)) / 2);
  const expected = Math.max(1, rules.expectedDuplicateShare * leads);
  const prior = toBits(Math.min(0.5, expected / Math.max(pairs, 1)));
  const n = compiled.length;
  return {
    prior,
    score(i, j, floorBits) {
      let total = prior;
      for (let x = 0; x < n; x++) {
        const cmp = compiled[x]!;
        if (cmp.fuzzy) {
          let rest = 0;
          for (let y = x; y < n; y++) rest += Math.max(0, compiled[y]!.max(i, j));
          if (total + rest < floorBits) return -Infinity;
        }
        total += cmp.weight(i, j);
      }
      return total;
    },
    explain(i, j) {
      let total = prior;
      const outcomes: ComparisonOutcome[] = [];
      for (const cmp of compiled) {
        const weight = cmp.weight(i, j);
        total += weight;
        outcomes.push({ field: cmp.rule.field, comparator: cmp.rule.comparator, level: cmp.level, weight: Math.round(weight * 100) / 100 });
      }
      return { prior, total, outcomes };
    },
  };
}
