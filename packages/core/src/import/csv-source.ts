import { Readable } from "node:stream";
import { CsvError, parse, type Parser } from "csv-parse";
import { OpsdeckError } from "../domain/errors.ts";

/** A CSV file: text, bytes, or a stream of them (a file stream, an upload). Never held whole. */
export type CsvInput = string | Uint8Array | Readable | AsyncIterable<string | Uint8Array>;

const SNIFF_BYTES = 64 * 1024;
const CHUNK_BYTES = 64 * 1024;
/** A record larger than this is almost always an unclosed quote swallowing the rest of the file. */
const MAX_RECORD_BYTES = 1024 * 1024;

export interface CsvSource {
  headers: string[];
  delimiter: string;
  /** The data records, in order; blank records come through as `[]`-like all-empty arrays. */
  records: AsyncGenerator<string[]>;
  /** Bytes read from the input so far, and its size when known (for progress estimates). */
  bytesRead(): number;
  totalBytes: number | undefined;
  /** Stops reading and releases the input (early stop or failure). */
  close(): void;
}

async function* chunksOf(input: CsvInput): AsyncGenerator<Uint8Array> {
  if (typeof input === "string" || input instanceof Uint8Array) {
    const bytes = typeof input === "string" ? Buffer.from(input, "utf8") : input;
    for (let i = 0; i < bytes.length; i += CHUNK_BYTES) yield bytes.subarray(i, i + CHUNK_BYTES);
    return;
  }
  for await (const chunk of input) yield typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
}

const badFile = (message: string) => new OpsdeckError("BAD_REQUEST", message);

/** Refuses what is clearly not CSV text, from the first bytes. */
function checkHead(head: Buffer): string {
  if (head.length === 0 || /^(\uFEFF)?\s*$/.test(head.toString("utf8"))) throw badFile("The file is empty.");
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    throw badFile("The file is a ZIP archive or an Excel workbook, not CSV. Save it as CSV (UTF-8) and try again.");
  }
  if (head.includes(0)) throw badFile("The file is binary (it contains NUL bytes), not CSV text.");
  let text: string;
  try {
    // `stream: true` tolerates a character cut at the end of the sniffed bytes.
    text = new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
  } catch {
    throw badFile("The file is not UTF-8 text. Save it as \"CSV UTF-8\" and try again.");
  }
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (start.startsWith("%PDF")) throw badFile("The file is a PDF document, not CSV.");
  if (/^[[{]/.test(start)) throw badFile("The file looks like JSON, not CSV.");
  if (start.startsWith("<")) throw badFile("The file looks like HTML or XML, not CSV.");
  return text;
}

/** Picks the delimiter the header row uses most: comma, semicolon (European Excel), tab or pipe. */
function detectDelimiter(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const unquoted = firstLine.replace(/"[^"]*"/g, "");
  let best = ",";
  let bestCount = 0;
  for (const candidate of [",", ";", "\t", "|"]) {
    const count = unquoted.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/** Maps csv-parse's failures to a user-facing BAD_REQUEST. */
export function csvFailure(err: unknown): unknown {
  if (err instanceof CsvError) {
    return new OpsdeckError("BAD_REQUEST", `The file is not valid CSV: ${err.message}`, { cause: err });
  }
  return err;
}

const isBlank = (record: string[]) => record.every((cell) => cell === "");

/**
 * Opens a CSV input for streaming: checks its first bytes (empty, binary, not UTF-8 → BAD_REQUEST),
 * detects the delimiter, reads the header row, and hands out the data records one by one.
 */
export async function openCsvSource(
  input: CsvInput,
  options: { delimiter?: string | undefined; sizeBytes?: number | undefined } = {},
): Promise<CsvSource> {
  const iterator = chunksOf(input)[Symbol.asyncIterator]();
  const headChunks: Uint8Array[] = [];
  let headSize = 0;
  let ended = false;
  while (headSize < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    headChunks.push(next.value);
    headSize += next.value.length;
  }
  const head = Buffer.concat(headChunks);
  let text: string;
  try {
    text = checkHead(head);
  } catch (err) {
    if (input instanceof Readable) input.destroy();
    throw err;
  }
  const delimiter = options.delimiter ?? detectDelimiter(text);
  let bytesRead = 0;
  async function* all(): AsyncGenerator<Uint8Array> {
    bytesRead += head.length;
    yield head;
    if (ended) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      bytesRead += next.value.length;
      yield next.value;
    }
  }
  const parser: Parser = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    max_record_size: MAX_RECORD_BYTES,
  });
  const source = Readable.from(all(), { objectMode: false });
  source.on("error", (err) => parser.destroy(err));
  source.pipe(parser);
  const close = () => {
    source.destroy();
    parser.destroy();
    if (input instanceof Readable) input.destroy();
  };

  async function* records(): AsyncGenerator<string[]> {
    try {
      for await (const record of parser as AsyncIterable<string[]>) yield record;
    } catch (err) {
      throw csvFailure(err);
    }
  }
  const stream = records();
  let headers: string[] | undefined;
  try {
    for (let next = await stream.next(); !next.done; next = await stream.next()) {
      if (!isBlank(next.value)) {
        headers = next.value;
        break;
      }
    }
  } catch (err) {
    close();
    throw err;
  }
  if (!headers) {
    close();
    throw badFile("The file is empty.");
  }
  const totalBytes =
    typeof input === "string"
      ? Buffer.byteLength(input)
      : input instanceof Uint8Array
        ? input.length
        : options.sizeBytes;
  // The parser runs ahead of the rows handed out by at most a chunk; what it parsed is a fair measure.
  return { headers, delimiter, records: stream, bytesRead: () => Math.min(bytesRead, parser.info.bytes), totalBytes, close };
}

export { isBlank };
