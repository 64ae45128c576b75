// Deliberately stricter than RFC 5322 (no quoted local parts, no IP literals): what a CRM can mail.
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** An email trimmed and lower-cased, or why it is not an address. */
export function normalizeEmail(value: string): { value: string } | { invalid: string } {
  const email = value.trim().toLowerCase();
  if (!EMAIL.test(email)) return { invalid: "not a valid email address" };
  return { value: email };
}
