import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { TRPCError } from "@trpc/server";

/** The part of a request's headers the host and a session resolver read. */
export interface RequestHeaders {
  get(name: string): string | null;
  has(name: string): boolean;
}

/** What the host reads of a request: a fetch Request, or the lighter view of a node request below. */
export interface RequestLike {
  readonly method: string;
  readonly url: string;
  readonly headers: RequestHeaders;
  readonly signal: AbortSignal;
  json(): Promise<unknown>;
}

export class NodeHeaders implements RequestHeaders {
  readonly #raw: IncomingHttpHeaders;
  constructor(raw: IncomingHttpHeaders) {
    this.#raw = raw;
  }
  get(name: string): string | null {
    const value = this.#raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(", ") : value;
  }
  has(name: string): boolean {
    return this.#raw[name.toLowerCase()] !== undefined;
  }
}

function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: `The request body is over ${maxBytes} bytes.` }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch (cause) {
        reject(new TRPCError({ code: "PARSE_ERROR", message: "The request body is not JSON.", cause }));
      }
    });
    req.on("error", reject);
  });
}

/**
 * A node request as the few things tRPC reads of a fetch Request (method, url, headers, signal, json),
 * without building one: on a cheap call, converting headers and streams costs more than the call itself.
 * Returns null for a body tRPC needs as a stream or form (anything but JSON); use a real Request then.
 */
export function nodeRequest(req: IncomingMessage, res: ServerResponse, maxBodyBytes: number): RequestLike | null {
  const method = req.method ?? "GET";
  const headers = new NodeHeaders(req.headers);
  if (method !== "GET" && method !== "HEAD") {
    const type = headers.get("content-type")?.split(";", 1)[0]?.trim().toLowerCase();
    if (type !== "application/json") return null;
  }
  const abort = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) abort.abort();
  });
  const secure = (req.socket as { encrypted?: boolean }).encrypted === true;
  return {
    method,
    url: `${secure ? "https" : "http"}://${req.headers.host ?? "localhost"}${req.url ?? "/"}`,
    headers,
    signal: abort.signal,
    json: () => readJson(req, maxBodyBytes),
  };
}
