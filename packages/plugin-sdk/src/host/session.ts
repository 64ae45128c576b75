import type { RequestHeaders } from "./node-request.ts";

/**
 * Who a request comes from, as the server's session lookup tells it (the server owns sign-in). The
 * active organization is the session's; without one the user's first organization is used.
 */
export interface SessionIdentity {
  userId: string;
  email: string;
  name: string;
  organizationId?: string | null | undefined;
}

/**
 * Finds the session of a request (by its cookie or header); null when signed out. It gets the request's
 * headers (`get`/`has`, like a fetch Headers).
 */
export type SessionResolver = (request: { readonly headers: RequestHeaders }) =>
  | Promise<SessionIdentity | null>
  | SessionIdentity
  | null;
