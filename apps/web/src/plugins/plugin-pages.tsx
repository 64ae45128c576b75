import { PluginScope, useShell, usePermissions } from "@opsdeck/plugin-sdk/web";
import { Button, EmptyState, ErrorCard, LoadingState } from "@opsdeck/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Link, useLocation, useRouter } from "@tanstack/react-router";
import { Lock, PlugZap, SearchX } from "lucide-react";
import { useEffect, type ReactNode } from "react";
import { sentence } from "../lib/sentence.ts";
import { useDocumentTitle } from "../lib/use-document-title.ts";
import { platformQuery } from "./installed-plugins.ts";
import { unavailableReason } from "./plugin-state.ts";

/** A page of a plugin: shown only while the plugin is on and the user may open it, inside its error boundary. */
export function PluginPage({ pluginId, permission, title, children }: { pluginId: string; permission?: string | undefined; title?: string | undefined; children: ReactNode }) {
  const { plugins } = useShell();
  const { has } = usePermissions();
  const location = useLocation();
  const plugin = plugins.find((p) => p.id === pluginId);
  useDocumentTitle(title ?? plugin?.name);
  if (!plugin) return <PluginUnavailablePage pluginId={pluginId} />;
  if (permission && !has(permission)) return <NoAccessPage />;
  return (
    <div className="p-4 md:p-6">
      <PluginScope pluginId={pluginId} resetKey={location.href} fallback={<LoadingState label={`Loading ${plugin.name}…`} />}>
        {children}
      </PluginScope>
    </div>
  );
}

/** A loader or a page of a plugin threw while the router rendered it. */
export function PluginRouteError({ pluginId, error, reset }: { pluginId: string; error: unknown; reset: () => void }) {
  const router = useRouter();
  const err = error instanceof Error ? error : new Error(String(error));
  return (
    <div className="p-4 md:p-6">
      <ErrorCard
        plugin={pluginId}
        message={sentence(err.message)}
        details={err.stack}
        onRetry={() => {
          reset();
          void router.invalidate();
        }}
      />
    </div>
  );
}

/** Every URL of a plugin whose web bundle failed to load or threw while loading. */
export function FailedPluginPage({ pluginId, name, error }: { pluginId: string; name: string; error: Error }) {
  useDocumentTitle(name);
  return (
    <div className="p-4 md:p-6">
      <ErrorCard
        plugin={pluginId}
        message={sentence(`The web part of ${name} could not be loaded: ${error.message}`)}
        details={error.stack}
        onRetry={() => window.location.reload()}
      />
    </div>
  );
}

export function NoAccessPage() {
  useDocumentTitle("No access");
  return (
    <EmptyState
      icon={<Lock />}
      title="You don't have access to this page"
      text="Ask an administrator of your organization for the permission if you need it."
      action={
        <Button asChild>
          <Link to="/">Go to the home page</Link>
        </Button>
      }
    />
  );
}

export function PageNotFound() {
  useDocumentTitle("Page not found");
  return (
    <EmptyState
      icon={<SearchX />}
      title="Page not found"
      text="The address may be mistyped, or the page was moved."
      action={
        <Button asChild>
          <Link to="/">Go to the home page</Link>
        </Button>
      }
    />
  );
}

// A plugin enabled after this page loaded has no routes yet: load the app again, once, to attach them.
const RELOAD_MARK = "opsdeck.plugin-reload";

/** What `/<plugin id>/…` shows when that plugin's pages are not available here, and why. */
export function PluginUnavailablePage({ pluginId }: { pluginId: string }) {
  const { data: platform } = useSuspenseQuery(platformQuery);
  const { organization } = useShell();
  const { has } = usePermissions();
  const plugin = platform.plugins.find((p) => p.id === pluginId);
  const reason = unavailableReason(plugin);
  const needsReload = reason === undefined && Boolean(plugin?.web);
  useEffect(() => {
    if (!needsReload) return;
    if (sessionStorage.getItem(RELOAD_MARK) === pluginId) return;
    sessionStorage.setItem(RELOAD_MARK, pluginId);
    window.location.reload();
  }, [needsReload, pluginId]);
  useDocumentTitle(plugin?.name ?? "Page not found");

  if (reason === "not-installed") return <PageNotFound />;
  if (needsReload) return <LoadingState label={`Loading ${plugin!.name}…`} />;
  if (reason === "no-access") return <NoAccessPage />;
  const name = plugin!.name;
  const admin = has("core.plugins.manage");
  const title =
    reason === "disabled" ? `${name} is not enabled for ${organization.name}` : reason === "unhealthy" ? `${name} is not available` : `${name} has no pages`;
  const text =
    reason === "disabled"
      ? admin
        ? "Its data is kept. Enable it on the plugins page to bring it back as it was."
        : "Ask an administrator of your organization to enable it."
      : reason === "unhealthy"
        ? `The server could not start it${plugin!.reason ? `: ${plugin!.reason}` : "."}`
        : "This plugin works in the background and adds nothing to the menu.";
  return (
    <EmptyState
      icon={<PlugZap />}
      title={title}
      text={text}
      action={
        admin ? (
          <Button asChild variant="primary">
            <Link to="/admin/plugins">Manage plugins</Link>
          </Button>
        ) : (
          <Button asChild>
            <Link to="/">Go to the home page</Link>
          </Button>
        )
      }
    />
  );
}
