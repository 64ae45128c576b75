import { Badge, Button, Select, cn, toast } from "@opsdeck/ui";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { Check, Lock, RotateCcw } from "lucide-react";
import { Page } from "../../../../components/page.tsx";
import { errorMessage } from "../../../../lib/http.ts";
import { trpc, type CoreOutputs } from "../../../../lib/trpc.ts";
import { platformQuery } from "../../../../plugins/installed-plugins.ts";

type Matrix = CoreOutputs["roles"]["matrix"];
type Permission = Matrix["groups"][number]["permissions"][number];
type RoleId = Matrix["roles"][number]["id"];

function GrantToggle({ permission, role, roleLabel }: { permission: Permission; role: RoleId; roleLabel: string }) {
  const queryClient = useQueryClient();
  const cell = permission.grants[role];
  const onSettled = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.roles.matrix.queryKey() });
    // The signed-in user's own permissions may have changed.
    void queryClient.invalidateQueries({ queryKey: platformQuery.queryKey });
  };
  const set = useMutation(trpc.roles.setGrant.mutationOptions({ onSettled, onError: (e) => toast.error(errorMessage(e)) }));
  const clear = useMutation(trpc.roles.clearGrant.mutationOptions({ onSettled, onError: (e) => toast.error(errorMessage(e)) }));
  const busy = set.isPending || clear.isPending;
  const label = `${roleLabel}: ${permission.id}`;
  if (cell.fixed) {
    return (
      <span className="inline-grid size-7 place-items-center text-muted-foreground" title="The owner holds every permission">
        <Lock className="size-3.5" aria-label={`${label}: always granted`} />
      </span>
    );
  }
  const overridden = cell.override !== null;
  return (
    <button
      type="button"
      role="switch"
      aria-checked={cell.effective}
      aria-label={label}
      disabled={busy}
      title={overridden ? `Changed from the default (${cell.default ? "granted" : "not granted"})` : "Default"}
      onClick={() => {
        const next = !cell.effective;
        // Back to the manifest's default clears the override instead of storing a copy of it.
        if (next === cell.default) clear.mutate({ role, permission: permission.id });
        else set.mutate({ role, permission: permission.id, granted: next });
      }}
      className={cn(
        "relative inline-grid size-7 cursor-pointer place-items-center rounded-md border outline-none transition-colors focus-visible:ring-2 focus-visible:ring-ring disabled:opacity-50",
        cell.effective ? "border-primary bg-primary text-primary-foreground" : "border-input bg-background hover:bg-accent",
      )}
    >
      {cell.effective ? <Check className="size-4" aria-hidden="true" /> : null}
      {overridden ? <span aria-hidden="true" className="absolute -top-1 -right-1 size-2.5 rounded-full border-2 border-background bg-warning" /> : null}
    </button>
  );
}

function ResetRow({ permission }: { permission: Permission }) {
  const queryClient = useQueryClient();
  const overridden = Object.entries(permission.grants).filter(([, cell]) => cell.override !== null);
  const clear = useMutation(trpc.roles.clearGrant.mutationOptions());
  if (!overridden.length) return null;
  return (
    <Button
      size="sm"
      variant="ghost"
      loading={clear.isPending}
      onClick={async () => {
        try {
          for (const [role] of overridden) await clear.mutateAsync({ role: role as RoleId, permission: permission.id });
        } catch (error) {
          toast.error(errorMessage(error));
        }
        void queryClient.invalidateQueries({ queryKey: trpc.roles.matrix.queryKey() });
        void queryClient.invalidateQueries({ queryKey: platformQuery.queryKey });
      }}
    >
      <RotateCcw aria-hidden="true" /> Defaults
    </Button>
  );
}

/** Which role holds which permission, for core and each plugin: defaults from the manifests, changes per organization. */
export function RolesPage() {
  const { data: matrix } = useSuspenseQuery(trpc.roles.matrix.queryOptions());
  const search = useSearch({ from: "/_app/admin/roles" });
  const navigate = useNavigate({ from: "/admin/roles" });
  const group = matrix.groups.find((g) => g.pluginId === search.group) ?? matrix.groups[0]!;
  return (
    <Page
      title="Roles & permissions"
      description="What each role may do. Defaults come from core and each plugin; a dot marks a change made for your organization."
      header={
        <div className="flex flex-wrap items-center gap-2">
          <Select
            className="w-64"
            aria-label="Permissions of"
            options={matrix.groups.map((g) => ({ value: g.pluginId, label: `${g.name}${g.enabled ? "" : " (disabled)"}` }))}
            value={group.pluginId}
            onValueChange={(value) => void navigate({ search: { group: value } })}
          />
          {group.enabled ? null : <Badge tone="neutral">Not enabled: these permissions take effect once it is</Badge>}
        </div>
      }
    >
      <div className="overflow-x-auto rounded-lg border border-border bg-card">
        <table className="w-full min-w-[720px] text-sm" aria-label={`Permissions of ${group.name}`}>
          <thead>
            <tr className="border-b border-border bg-subtle text-left text-xs text-muted-foreground">
              <th scope="col" className="px-3 py-2 font-medium">
                Permission
              </th>
              {matrix.roles.map((role) => (
                <th key={role.id} scope="col" className="w-20 px-2 py-2 text-center font-medium">
                  {role.label}
                </th>
              ))}
              <th scope="col" className="w-28 px-2 py-2">
                <span className="sr-only">Reset</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {group.permissions.map((permission) => (
              <tr key={permission.id} className="border-b border-border last:border-b-0">
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  <div className="font-mono text-xs text-foreground">{permission.id}</div>
                  <div className="text-xs text-muted-foreground">{permission.description}</div>
                </th>
                {matrix.roles.map((role) => (
                  <td key={role.id} className="px-2 py-2 text-center">
                    <GrantToggle permission={permission} role={role.id} roleLabel={role.label} />
                  </td>
                ))}
                <td className="px-2 py-2 text-right">
                  <ResetRow permission={permission} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {group.permissions.length === 0 ? <p className="p-6 text-center text-sm text-muted-foreground">{group.name} declares no permissions.</p> : null}
      </div>
    </Page>
  );
}
