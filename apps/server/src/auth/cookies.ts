import type { IncomingMessage } from "node:http";

export interface CookieSettings {
  /** True when the portal is served over TLS: the cookie becomes `__Host-…` and Secure. */
  secure: boolean;
  /** Absolute lifetime, also the cookie's Max-Age. */
  maxAgeSeconds: number;
}

export const sessionCookieName = (secure: boolean) => (secure ? "__Host-opsdeck_session" : "opsdeck_session");

/** Reads one cookie from a request. */
export function readCookie(req: Pick<IncomingMessage, "headers">, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** The session cookie: HttpOnly, SameSite=Lax, Path=/, and `__Host-` + Secure over TLS. */
export function sessionCookie(settings: CookieSettings, token: string | null): string {
  const parts = [
    `${sessionCookieName(settings.secure)}=${token ? encodeURIComponent(token) : ""}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    token ? `Max-Age=${settings.maxAgeSeconds}` : "Max-Age=0",
  ];
  if (settings.secure) parts.push("Secure");
  return parts.join("; ");
}
