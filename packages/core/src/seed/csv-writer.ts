import type { SeedClock } from "./time.ts";

const COMMA = 44;
const QUOTE = 34;
const NEWLINE = 10;
const DIGITS = Array.from({ length: 100 }, (_, i) => [48 + Math.floor(i / 10), 48 + (i % 10)] as const);

/**
 * Writes CSV rows for COPY straight into a growing byte buffer. Building millions of rows by string
 * concatenation made V8 spend most of the seed flattening rope strings (measured: 60% of generation
 * time); bytes written in place cost a fraction of that. Fields are separated automatically.
 */
export class CsvWriter {
  private buf: Buffer;
  private pos = 0;
  private rowStart = true;
  rows = 0;

  constructor(initialBytes = 1 << 20) {
    this.buf = Buffer.allocUnsafe(initialBytes);
  }

  private room(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + bytes) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  private field(bytes: number): void {
    this.room(bytes + 1);
    if (this.rowStart) this.rowStart = false;
    else this.buf[this.pos++] = COMMA;
  }

  /** A value known to be plain ASCII without commas or quotes (ids, enums, numbers as text); NULL when null. */
  ascii(value: string | null | undefined): this {
    const length = value ? value.length : 0;
    this.field(length);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < length; i++) b[p++] = value!.charCodeAt(i);
    this.pos = p;
    return this;
  }

  /** Free text: NULL when null, quoted when it holds a comma, quote, newline or edge space; UTF-8. */
  text(value: string | null | undefined): this {
    if (value === null || value === undefined) return this.ascii(null);
    const length = value.length;
    let quote = length === 0 || value.charCodeAt(0) === 32 || value.charCodeAt(length - 1) === 32;
    let ascii = true;
    for (let i = 0; i < length && (ascii || !quote); i++) {
      const c = value.charCodeAt(i);
      if (c === COMMA || c === QUOTE || c === NEWLINE || c === 13) quote = true;
      else if (c > 127) ascii = false;
    }
    const body = quote ? `"${value.replaceAll('"', '""')}"` : value;
    if (ascii) return this.ascii(body);
    this.field(body.length * 3);
    this.pos += this.buf.write(body, this.pos, "utf8");
    return this;
  }

  /** An integer; NULL when null. */
  int(value: number | null | undefined): this {
    return this.ascii(value === null || value === undefined ? null : String(value));
  }

  bool(value: boolean): this {
    this.field(1);
    this.buf[this.pos++] = value ? 116 : 102;
    return this;
  }

  /** A timestamptz to the second in UTC (`2025-03-04 09:30:00+00`); NULL when null. */
  timestamp(clock: SeedClock, ms: number | null): this {
    if (ms === null) return this.ascii(null);
    this.ascii(clock.day(ms));
    const seconds = Math.floor((ms - Math.floor(ms / 86_400_000) * 86_400_000) / 1000);
    this.room(12);
    const b = this.buf;
    b[this.pos++] = 32;
    this.two(Math.floor(seconds / 3600));
    b[this.pos++] = 58;
    this.two(Math.floor((seconds % 3600) / 60));
    b[this.pos++] = 58;
    this.two(seconds % 60);
    b[this.pos++] = 43;
    b[this.pos++] = 48;
    b[this.pos++] = 48;
    return this;
  }

  private two(n: number): void {
    const [a, b] = DIGITS[n]!;
    this.buf[this.pos++] = a;
    this.buf[this.pos++] = b;
  }

  /** Ends the row. */
  end(): void {
    this.room(1);
    this.buf[this.pos++] = NEWLINE;
    this.rowStart = true;
    this.rows += 1;
  }

  /** The rows written so far as text, and a fresh start (the buffer is reused). */
  take(): string {
    const out = this.buf.toString("utf8", 0, this.pos);
    this.pos = 0;
    this.rows = 0;
    this.rowStart = true;
    return out;
  }
}
