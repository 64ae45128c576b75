import { ErrorState } from "@opsdeck/ui";
import { useRouter, type ErrorComponentProps } from "@tanstack/react-router";
import { sentence } from "../lib/sentence.ts";

/** What a core page shows when its data could not load: the reason and a retry (the frame stays usable). */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="p-4 md:p-6">
      <ErrorState
        title="This page could not be loaded"
        message={sentence(message)}
        onRetry={() => {
          reset();
          void router.invalidate();
        }}
      />
    </div>
  );
}
