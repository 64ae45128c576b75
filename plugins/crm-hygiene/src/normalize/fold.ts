const MARKS = /[\u0300-\u036f]/g;

/** Lower-case, accents folded, punctuation to single spaces: "  Baden-Württemberg " → "baden wurttemberg". */
export function fold(value: string): string {
  return value
    .normalize("NFKD")
    .replace(MARKS, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Trimmed, inner runs of white space as one space; null for blank. */
export function squish(value: string | null | undefined): string | null {
  if (value == null) return null;
  const out = value.replace(/\s+/g, " ").trim();
  return out || null;
}
