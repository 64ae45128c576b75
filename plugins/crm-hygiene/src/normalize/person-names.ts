import { squish } from "./fold.ts";

// Particles stay lower-case inside a surname ("van der Berg", "de la Cruz", "von Trapp").
const PARTICLES = new Set(["van", "der", "den", "de", "del", "della", "di", "da", "das", "dos", "du", "la", "le", "von", "zu", "ten", "ter", "bin", "al", "y"]);

function capitalize(word: string): string {
  const lower = word.toLocaleLowerCase();
  // Mc is reliably a prefix; "Mac" is not (Mack, Macy, Machado), so it is left as "Mac…".
  if (/^mc\p{L}{2,}/u.test(lower)) return `Mc${lower[2]!.toLocaleUpperCase()}${lower.slice(3)}`;
  return lower.charAt(0).toLocaleUpperCase() + lower.slice(1);
}

/** Capitalizes each part of a hyphenated or apostrophed word: "o'brien" → "O'Brien", "jean-luc" → "Jean-Luc". */
function capitalizeWord(word: string): string {
  return word
    .split(/([-'’])/)
    // Both sides of an apostrophe or a hyphen are capitalized: "O'Brien", "D'Angelo", "Smith-Jones".
    .map((part) => (part === "-" || part === "'" || part === "’" || part === "" ? part : capitalize(part)))
    .join("");
}

/**
 * A person's first or last name with its white space cleaned and, when it was typed all in lower or all in
 * upper case, capitalized the way names are ("MCDONALD" → "McDonald", "VAN DER BERG" → "van der Berg").
 * A name in mixed case is kept: its writer chose it ("DeShawn", "McDonald", "van Gogh").
 */
export function normalizePersonName(value: string): string | null {
  const name = squish(value);
  if (!name) return null;
  const letters = name.replace(/[^\p{L}]/gu, "");
  const mixed = letters !== letters.toLocaleLowerCase() && letters !== letters.toLocaleUpperCase();
  if (mixed || letters.length === 0) return name;
  const words = name.split(" ");
  return words
    .map((word, i) => {
      const lower = word.toLocaleLowerCase();
      // A particle stays lower-case unless it is the whole name or the last word ("Van" alone is a name).
      if (PARTICLES.has(lower) && words.length > 1 && i < words.length - 1) return lower;
      return capitalizeWord(word);
    })
    .join(" ");
}
