import { parseMoney } from "../domain/money.ts";
import { parseStage } from "../domain/stages.ts";
import { normalizeName, type FieldSpec } from "./fields/field-spec.ts";

/** A cell that could not be read; the message completes "<column>: …". */
export class InvalidValue {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

/** What a cell becomes in the staging row (JSON for `json_to_recordset`). */
export type StagedValue = string | number | boolean | null;

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]\.?M\.?)?)?$/i;

interface DateParts {
  y: number;
  m: number;
  d: number;
  time: string | null;
  zone: string | null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function time(h: number, min: number, s: number, fraction: string | undefined): string | null {
  if (h > 23 || min > 59 || s > 59) return null;
  return `${pad(h)}:${pad(min)}:${pad(s)}${fraction ? fraction.slice(0, 7) : ""}`;
}

/** Reads ISO 8601, `YYYY-MM-DD HH:mm[:ss]`, US `M/D/YYYY` and `M/D/YYYY h:mm AM` (CRM exports). */
export function parseDateParts(input: string): DateParts | undefined {
  const raw = input.trim();
  let match = ISO.exec(raw);
  if (match) {
    const [, y, m, d, h, min, s, fraction, zone] = match;
    const parts = { y: Number(y), m: Number(m), d: Number(d) };
    if (!validDate(parts.y, parts.m, parts.d)) return undefined;
    if (h === undefined) return zone ? undefined : { ...parts, time: null, zone: null };
    const t = time(Number(h), Number(min), Number(s ?? 0), fraction);
    if (!t) return undefined;
    return { ...parts, time: t, zone: zone ? normalizeZone(zone) : null };
  }
  match = US.exec(raw);
  if (!match) return undefined;
  const [, m, d, yy, h, min, s, ampm] = match;
  let y = Number(yy);
  if (yy!.length === 2) y += y < 70 ? 2000 : 1900;
  const parts = { y, m: Number(m), d: Number(d) };
  if (!validDate(parts.y, parts.m, parts.d)) return undefined;
  if (h === undefined) return { ...parts, time: null, zone: null };
  let hour = Number(h);
  if (ampm) {
    if (hour < 1 || hour > 12) return undefined;
    const pm = ampm.toUpperCase().startsWith("P");
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  const t = time(hour, Number(min), Number(s ?? 0), undefined);
  return t ? { ...parts, time: t, zone: null } : undefined;
}

function normalizeZone(zone: string): string {
  if (zone.toUpperCase() === "Z") return "+00:00";
  const digits = zone.replace(":", "");
  return digits.length === 3 ? `${digits}:00` : `${digits.slice(0, 3)}:${digits.slice(3)}`;
}

const dateString = (p: DateParts) => `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}`;

/** A timestamp for Postgres: without a zone it is read in the session's (the organization's) time zone. */
export function parseTimestamp(input: string): string | InvalidValue {
  const p = parseDateParts(input);
  if (!p) return new InvalidValue("not a date and time (use ISO 8601, YYYY-MM-DD HH:mm:ss or M/D/YYYY h:mm AM)");
  return `${dateString(p)} ${p.time ?? "00:00:00"}${p.zone ?? ""}`;
}

/** A calendar date; a time part, if any, is dropped. */
export function parseDate(input: string): string | InvalidValue {
  const p = parseDateParts(input);
  if (!p) return new InvalidValue("not a date (use YYYY-MM-DD or M/D/YYYY)");
  return dateString(p);
}

const INT = /^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.0*)?$/;

/** A whole number from 0 to 2^31-1; thousands separators allowed. */
export function parseCount(input: string): number | InvalidValue {
  const raw = input.trim();
  if (!INT.test(raw)) return new InvalidValue("not a whole number");
  const n = Number(raw.replace(/,/g, ""));
  if (n < 0) return new InvalidValue("must not be negative");
  if (n > 2_147_483_647) return new InvalidValue("is too large");
  return n;
}

/** 0–100, written as 45, 45%, 45.0 or a fraction 0.45 (HubSpot's deal probability). */
export function parseProbability(input: string): number | InvalidValue {
  const raw = input.trim();
  const percent = raw.endsWith("%");
  const body = percent ? raw.slice(0, -1).trim() : raw;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(body)) return new InvalidValue("not a probability (0–100)");
  let n = Number(body);
  if (!percent && body.includes(".") && n > 0 && n < 1) n *= 100;
  n = Math.round(n);
  if (n < 0 || n > 100) return new InvalidValue("must be between 0 and 100");
  return n;
}

const TRUE = new Set(["true", "yes", "y", "1", "t"]);
const FALSE = new Set(["false", "no", "n", "0", "f"]);

export function parseBoolean(input: string): boolean | InvalidValue {
  const raw = input.trim().toLowerCase();
  if (TRUE.has(raw)) return true;
  if (FALSE.has(raw)) return false;
  return new InvalidValue("not a yes/no value (use true/false, yes/no or 1/0)");
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;

/** True when the text looks like an address (local@domain.tld). */
export function looksLikeEmail(input: string): boolean {
  return EMAIL.test(input.trim());
}

/**
 * Reads one cell for a field. Dirty-but-plausible text (odd case, phones in any format, capitals in
 * emails) is kept exactly as written: the CRM-hygiene plugin cleans it later. Clearly invalid values
 * come back as InvalidValue. An empty cell is null.
 */
export function parseCell(field: FieldSpec, raw: string): StagedValue | InvalidValue {
  if (raw === "") return null;
  if (raw.includes("\0")) return new InvalidValue("contains a NUL character");
  switch (field.type) {
    case "text":
      return raw;
    case "key":
    case "ref":
    case "member": {
      const v = raw.trim();
      if (v.length > 255) return new InvalidValue("is longer than 255 characters");
      return v === "" ? null : v;
    }
    case "email":
      return looksLikeEmail(raw) ? raw : new InvalidValue("not a valid email address");
    case "int":
      return parseCount(raw);
    case "money": {
      // parseMoney drops every comma; only accept commas that group thousands ("99,5" is not 995).
      if (raw.includes(",") && !/^[^\d]*\d{1,3}(,\d{3})+(\.\d*)?\s*$/.test(raw.trim())) {
        return new InvalidValue("not an amount (group thousands with commas, decimals with a point)");
      }
      const value = parseMoney(raw);
      return value ? value.toFixed(2) : new InvalidValue("not an amount");
    }
    case "date":
      return parseDate(raw);
    case "timestamp":
      return parseTimestamp(raw);
    case "bool":
      return parseBoolean(raw);
    case "probability":
      return parseProbability(raw);
    case "stage":
      return parseStage(raw) ?? new InvalidValue("not a known stage (map it with a value map)");
    case "currency": {
      const v = raw.trim().toUpperCase();
      return /^[A-Z]{3}$/.test(v) ? v : new InvalidValue("not a 3-letter currency code");
    }
    case "choice": {
      const v = field.choices?.[normalizeName(raw)];
      if (v) return v;
      const allowed = [...new Set(Object.values(field.choices ?? {}))].join(", ");
      return new InvalidValue(`not one of ${allowed}`);
    }
  }
}
