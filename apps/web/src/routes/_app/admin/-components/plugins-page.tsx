import { Badge, Button, Card, ConfirmDialog, EmptyState, StatusBadge, Switch } from "@opsdeck/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Plug, Settings2 } from "lucide-react";
import { useState } from "react";
import { useOrganization } from "@opsdeck/plugin-sdk/web";
import { Page } from "../../../../components/page.tsx";
import { trpc, type CoreOutputs } from "../../../../lib/trpc.ts";
import { usePluginToggle } from "./use-plugin-toggle.ts";

type PluginRow = CoreOutputs["plugins"]["list"][number];

function EnableSwitch({ plugin }: { plugin: PluginRow }) {
  const organization = useOrganization();
  const toggle = usePluginToggle();
  const [confirming, setConfirming] = useState(false);
  const name = plugin.name ?? plugin.id;
  const healthy = plugin.health === "healthy";
  return (
    <>
      <Switch
        checked={plugin.enabled}
        disabled={!healthy || toggle.pending}
        aria-label={`${name} enabled for ${organization.name}`}
        onCheckedChange={(checked) => (checked ? void toggle.set(plugin, true) : setConfirming(true))}
      />
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Disable ${name} for ${organization.name}?`}
        description="Its pages and menu entries disappear for everyone in the organization and its API answers that it is disabled. Its data is kept: enabling it again brings everything back."
        confirmLabel="Disable"
        destructive
        onConfirm={() => toggle.set(plugin, false)}
      />
    </>
  );
}

/** The installed plugins: health, version, on/off for the organization, and a link to each one's settings. */
export function PluginsPage() {
  const { data: plugins } = useSuspenseQuery(trpc.plugins.list.queryOptions());
  return (
    <Page title="Plugins" description="Turn plugins on or off for your organization and configure them. Turning one off keeps its data.">
      {plugins.length === 0 ? (
        <Card>
          <EmptyState icon={<Plug />} title="No plugins installed" text="Install plugins in the server's plugins folder (OPSDECK_PLUGINS_DIR) and restart it." />
        </Card>
      ) : (
        <ul className="grid gap-3 lg:grid-cols-2" aria-label="Installed plugins">
          {plugins.map((plugin) => (
            <li key={plugin.id}>
              <Card className="flex h-full flex-col gap-3 p-4" data-plugin={plugin.id}>
                <div className="flex items-start justify-between gap-3">
                  <div className="flex min-w-0 flex-col gap-1">
                    <div className="flex flex-wrap items-center gap-2">
                      <h2 className="font-semibold">{plugin.name ?? plugin.id}</h2>
                      {plugin.version ? <Badge tone="outline">v{plugin.version}</Badge> : null}
                      <StatusBadge status={plugin.health} />
                      {plugin.choice === "default" && plugin.health === "healthy" ? <Badge tone="neutral">Default</Badge> : null}
                    </div>
                    <p className="font-mono text-xs text-muted-foreground">{plugin.id}</p>
                  </div>
                  <EnableSwitch plugin={plugin} />
                </div>
                {plugin.description ? <p className="text-sm text-muted-foreground">{plugin.description}</p> : null}
                {plugin.reason ? (
                  <p role="note" className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-xs text-destructive">
                    {plugin.reason}
                  </p>
                ) : null}
                <div className="mt-auto flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                  <span>{plugin.permissions.length} permissions</span>
                  {Object.keys(plugin.requires).length ? <span>· requires {Object.keys(plugin.requires).join(", ")}</span> : null}
                  <Button asChild size="sm" className="ml-auto">
                    <Link to="/admin/plugins/$pluginId" params={{ pluginId: plugin.id }}>
                      <Settings2 aria-hidden="true" /> Details & settings
                    </Link>
                  </Button>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
