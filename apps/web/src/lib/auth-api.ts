import { queryOptions } from "@tanstack/react-query";
import { requestJson } from "./http.ts";

export interface SessionOrganization {
  id: string;
  slug: string;
  name: string;
  role: string;
}

export interface SessionInfo {
  user: { id: string; email: string; name: string };
  organizationId: string;
  expiresAt: string;
  organizations: SessionOrganization[];
}

/** The signed-in session, or null. */
export const sessionQuery = queryOptions({
  queryKey: ["auth", "session"],
  queryFn: async () => (await requestJson<{ session: SessionInfo | null }>("/api/auth/session")).session,
  staleTime: 5 * 60_000,
});

export function signIn(input: { email: string; password: string }) {
  return requestJson<{ organizationId: string }>("/api/auth/sign-in", { body: input });
}

export function signOut() {
  return requestJson<{ ok: true }>("/api/auth/sign-out", { body: {} });
}

export function signOutEverywhere() {
  return requestJson<{ ok: true; ended: number }>("/api/auth/sign-out-everywhere", { body: {} });
}

export function switchOrganization(organizationId: string) {
  return requestJson<{ organizationId: string }>("/api/auth/switch-organization", { body: { organizationId } });
}

export function requestPasswordReset(email: string) {
  return requestJson<{ ok: true }>("/api/auth/password-reset/request", { body: { email } });
}

export function confirmPasswordReset(input: { token: string; password: string }) {
  return requestJson<{ ok: true }>("/api/auth/password-reset/confirm", { body: input });
}

/**
 * Loads the app again from the server at `to`. Signing in or out and switching organization change which
 * plugins are loaded and which routes exist, and those are fixed when the router is created.
 */
export function reloadAt(to: string): void {
  window.location.assign(to);
}
