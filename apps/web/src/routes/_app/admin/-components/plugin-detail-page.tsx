import { Badge, Card, CardContent, CardDescription, CardHeader, CardTitle, EmptyState, StatusBadge, Switch, toast } from "@opsdeck/ui";
import { useOrganization } from "@opsdeck/plugin-sdk/web";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { SlidersHorizontal } from "lucide-react";
import { JsonSchemaForm, type JsonSchema } from "../../../../components/json-schema-form.tsx";
import { Page } from "../../../../components/page.tsx";
import { roleLabel } from "../../../../components/role-labels.ts";
import { trpc } from "../../../../lib/trpc.ts";
import { PageNotFound } from "../../../../plugins/plugin-pages.tsx";
import { usePluginToggle } from "./use-plugin-toggle.ts";

/** One plugin: its state for the organization, its settings form, and what it declares. */
export function PluginDetailPage() {
  const { pluginId } = useParams({ from: "/_app/admin/plugins/$pluginId" });
  const { data: plugins } = useSuspenseQuery(trpc.plugins.list.queryOptions());
  const organization = useOrganization();
  const queryClient = useQueryClient();
  const toggle = usePluginToggle();
  const configure = useMutation(trpc.plugins.configure.mutationOptions());
  const plugin = plugins.find((p) => p.id === pluginId);
  if (!plugin) return <PageNotFound />;
  const name = plugin.name ?? plugin.id;
  const schema = plugin.settingsSchema as JsonSchema | null;
  return (
    <Page
      title={name}
      description={plugin.description ?? undefined}
      breadcrumbs={[{ label: "Plugins", href: "/admin/plugins" }, { label: name }]}
      actions={
        <label className="flex items-center gap-2 text-sm">
          <Switch
            checked={plugin.enabled}
            disabled={plugin.health !== "healthy" || toggle.pending}
            onCheckedChange={(checked) => void toggle.set(plugin, checked)}
          />
          Enabled for {organization.name}
        </label>
      }
    >
      <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card>
          <CardHeader>
            <CardTitle>Settings</CardTitle>
            <CardDescription>Stored for {organization.name} only.</CardDescription>
          </CardHeader>
          <CardContent>
            {schema && Object.keys(schema.properties ?? {}).length ? (
              <JsonSchemaForm
                key={JSON.stringify(plugin.settings)}
                schema={schema}
                values={(plugin.settings ?? {})}
                disabled={plugin.health !== "healthy"}
                onSubmit={async (settings) => {
                  await configure.mutateAsync({ pluginId: plugin.id, settings });
                  toast.success(`The settings of ${name} were saved.`);
                  await queryClient.invalidateQueries({ queryKey: trpc.plugins.list.queryKey() });
                }}
              />
            ) : (
              <EmptyState size="compact" icon={<SlidersHorizontal />} title="Nothing to configure" text={`${name} has no settings.`} />
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>About</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3 text-sm">
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
              <dt className="text-muted-foreground">Health</dt>
              <dd>
                <StatusBadge status={plugin.health} />
              </dd>
              <dt className="text-muted-foreground">Version</dt>
              <dd>{plugin.version ?? "—"}</dd>
              <dt className="text-muted-foreground">Id</dt>
              <dd className="font-mono text-xs">{plugin.id}</dd>
              <dt className="text-muted-foreground">Opsdeck</dt>
              <dd className="font-mono text-xs">{plugin.engines?.opsdeck ?? "—"}</dd>
              <dt className="text-muted-foreground">Requires</dt>
              <dd>{Object.entries(plugin.requires).map(([id, range]) => `${id} ${range}`).join(", ") || "—"}</dd>
              <dt className="text-muted-foreground">Database</dt>
              <dd className="font-mono text-xs">{plugin.dbSchema ?? "—"}</dd>
            </dl>
            {plugin.reason ? <p className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-xs text-destructive">{plugin.reason}</p> : null}
            <div>
              <h3 className="mb-2 text-xs font-semibold text-muted-foreground">Permissions</h3>
              <ul className="flex flex-col gap-2">
                {plugin.permissions.map((p) => (
                  <li key={p.id}>
                    <div className="font-mono text-xs">{p.id}</div>
                    <div className="text-xs text-muted-foreground">{p.description}</div>
                    <div className="mt-1 flex flex-wrap gap-1">
                      {p.defaultRoles.map((r) => (
                        <Badge key={r} tone="neutral">
                          {roleLabel(r)}
                        </Badge>
                      ))}
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          </CardContent>
        </Card>
      </div>
    </Page>
  );
}
