// Blocking: each pass gives every record a key (or none); only records sharing a key are compared. A pair that
// shares keys in several passes is compared once, in the first of them (Splink's "and not an earlier rule").
import { doubleMetaphone } from "double-metaphone";
import type { FeatureTable } from "./features.ts";

export interface BlockingPass {
  name: string;
  /** Key code per record; -1 when the record has no key in this pass. */
  keys: Int32Array;
  /** Records per key code. */
  sizes: Int32Array;
}

/** The blocking key of record `i` in a pass, as text (null: none). Also used for a new record's look-up. */
export function blockingKey(t: FeatureTable, pass: string, i: number): string | null {
  const n = t.name;
  const initials = () => {
    if (!n) return null;
    const a = n.names.values[n.first[i]!]?.[0];
    const b = n.names.values[n.last[i]!]?.[0];
    return a && b ? [a, b].sort().join("") : null;
  };
  switch (pass) {
    case "email":
      return codeText(t, "email:email", i) ?? codeText(t, "email:normalized", i);
    case "phone":
      return codeText(t, "phone:phone", i);
    case "domain":
      return codeText(t, "domain:domain", i);
    case "name_phonetic": {
      if (n) {
        const a = n.phon.values[n.firstPhon[i]!];
        const b = n.phon.values[n.lastPhon[i]!];
        return n.firstPhon[i]! >= 0 && n.lastPhon[i]! >= 0 && a && b ? [a, b].sort().join("|") : null;
      }
      const tokens = t.nameTokens[i];
      if (!tokens?.length) return null;
      const [code] = doubleMetaphone(tokens[0]!);
      return code ? `${code}|${tokens[1]?.[0] ?? ""}` : null;
    }
    case "account_initials": {
      const account = t.accountCodes[i]!;
      const ini = initials();
      return account >= 0 && ini ? `${t.accounts.values[account]}|${ini}` : null;
    }
    case "company_initials": {
      const company = t.companyFirst[i];
      const ini = initials();
      return company && ini ? `${company}|${ini}` : null;
    }
    case "name": {
      const tokens = t.nameTokens[i];
      return tokens?.length ? [...tokens].sort().join(" ") : null;
    }
    case "name_tail": {
      const tokens = t.nameTokens[i];
      return tokens && tokens.length >= 2 ? `${tokens[tokens.length - 1]}|${tokens[0]![0]}` : null;
    }
    default:
      return null;
  }
}

function codeText(t: FeatureTable, column: string, i: number): string | null {
  const col = t.columns.get(column);
  if (!col) return null;
  const code = col.codes[i]!;
  return code >= 0 ? col.interner.values[code]! : null;
}

/**
 * The key of record `i` as a number, for the passes where one exists (−1: no key; undefined: use the text key).
 * Numbers avoid building a million key strings and a string-keyed map per pass during a scan.
 */
function numericKey(t: FeatureTable, pass: string, i: number, small: Map<string, number>): number | undefined {
  const code = (column: string) => {
    const col = t.columns.get(column);
    return col ? col.codes[i]! : -1;
  };
  const n = t.name;
  const initials = () => {
    if (!n) return -1;
    const a = n.names.values[n.first[i]!]?.[0];
    const b = n.names.values[n.last[i]!]?.[0];
    if (!a || !b) return -1;
    const key = a < b ? a + b : b + a;
    let c = small.get(key);
    if (c === undefined) small.set(key, (c = small.size));
    return c;
  };
  switch (pass) {
    case "email":
      return t.columns.has("email:email") ? code("email:email") : code("email:normalized");
    case "phone":
      return code("phone:phone");
    case "domain":
      return code("domain:domain");
    case "name_phonetic": {
      if (!n) return undefined;
      const a = n.firstPhon[i]!;
      const b = n.lastPhon[i]!;
      return a >= 0 && b >= 0 ? Math.min(a, b) * 2 ** 24 + Math.max(a, b) : -1;
    }
    case "account_initials": {
      const account = t.accountCodes[i]!;
      const ini = initials();
      return account >= 0 && ini >= 0 ? account * 2 ** 16 + ini : -1;
    }
    default:
      return undefined;
  }
}

/** Computes the key of every record for each pass. */
export function computePasses(t: FeatureTable, passes: readonly string[]): BlockingPass[] {
  return passes.map((name) => {
    const keys = new Int32Array(t.size);
    const numbers = new Map<number, number>();
    const texts = new Map<string, number>();
    const small = new Map<string, number>();
    const sizes: number[] = [];
    const codeOf = <K>(map: Map<K, number>, key: K) => {
      let code = map.get(key);
      if (code === undefined) {
        code = sizes.length;
        map.set(key, code);
        sizes.push(0);
      }
      return code;
    };
    for (let i = 0; i < t.size; i++) {
      const num = numericKey(t, name, i, small);
      let code = -1;
      if (num !== undefined) {
        if (num >= 0) code = codeOf(numbers, num);
      } else {
        const key = blockingKey(t, name, i);
        if (key !== null) code = codeOf(texts, key);
      }
      keys[i] = code;
      if (code >= 0) sizes[code]! += 1;
    }
    return { name, keys, sizes: Int32Array.from(sizes) };
  });
}

/** Record indexes grouped by key (counting sort): `order` lists records block by block, `start[k]` where key k begins. */
export function groupByKey(pass: BlockingPass): { order: Int32Array; start: Int32Array } {
  const blocks = pass.sizes.length;
  const start = new Int32Array(blocks + 1);
  for (let k = 0; k < blocks; k++) start[k + 1] = start[k]! + pass.sizes[k]!;
  const fill = start.slice(0, blocks);
  const order = new Int32Array(start[blocks]!);
  for (let i = 0; i < pass.keys.length; i++) {
    const k = pass.keys[i]!;
    if (k >= 0) order[fill[k]!++] = i;
  }
  return { order, start };
}

/** The blocking keys of a single record given as a feature table of one row (new-record look-ups). */
export function recordKeys(t: FeatureTable, passes: readonly string[], i = 0): Array<{ pass: string; key: string }> {
  const out: Array<{ pass: string; key: string }> = [];
  for (const pass of passes) {
    const key = blockingKey(t, pass, i);
    if (key !== null) out.push({ pass, key });
  }
  return out;
}

