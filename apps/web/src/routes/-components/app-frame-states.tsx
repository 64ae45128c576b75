import { Button, ErrorState, LoadingState } from "@opsdeck/ui";
import type { ErrorComponentProps } from "@tanstack/react-router";
import { reloadAt, signOut } from "../../lib/auth-api.ts";

export function AppFramePending() {
  return (
    <div className="grid min-h-dvh place-items-center">
      <LoadingState label="Opening Opsdeck…" />
    </div>
  );
}

/** The frame could not load (the server is down, or the account lost its membership). */
export function AppFrameError({ error, reset }: ErrorComponentProps) {
  return (
    <div className="grid min-h-dvh place-items-center p-6">
      <div className="flex flex-col items-center gap-2">
        <ErrorState title="Opsdeck could not start" message={error instanceof Error ? error.message : String(error)} onRetry={reset} />
        <Button variant="link" onClick={() => void signOut().finally(() => reloadAt("/sign-in"))}>
          Sign out
        </Button>
      </div>
    </div>
  );
}
