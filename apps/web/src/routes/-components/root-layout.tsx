import { Button, ErrorState, LinkProvider, Toaster, type LinkComponentProps } from "@opsdeck/ui";
import { Link, Outlet, type ErrorComponentProps } from "@tanstack/react-router";
import { PageNotFound } from "../../plugins/plugin-pages.tsx";

// The UI kit's links (sidebar, breadcrumbs) go through the router: no page reload, preloading on hover.
function RouterLink({ href, ...props }: LinkComponentProps) {
  return <Link to={href} {...props} />;
}

export function RootLayout() {
  return (
    <LinkProvider component={RouterLink}>
      <Outlet />
      <Toaster />
    </LinkProvider>
  );
}

export function RootNotFound() {
  return (
    <div className="grid min-h-dvh place-items-center p-6">
      <PageNotFound />
    </div>
  );
}

export function RootErrorPage({ error, reset }: ErrorComponentProps) {
  return (
    <div className="grid min-h-dvh place-items-center p-6">
      <div className="flex flex-col items-center gap-2">
        <ErrorState
          title="Opsdeck could not show this page"
          message={error instanceof Error ? error.message : String(error)}
          onRetry={reset}
        />
        <Button variant="link" onClick={() => window.location.assign("/")}>
          Go to the home page
        </Button>
      </div>
    </div>
  );
}
