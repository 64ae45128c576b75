import { useCurrentUser, usePermissions } from "@opsdeck/plugin-sdk/web";
import {
  Badge,
  Button,
  ConfirmDialog,
  DataTable,
  Select,
  createColumnHelper,
  createDataTableState,
  formatDate,
  toast,
  type DataTableState,
} from "@opsdeck/ui";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { ROLE_OPTIONS, roleLabel } from "../../../../components/role-labels.ts";
import { errorMessage } from "../../../../lib/http.ts";
import { trpc, type CoreOutputs } from "../../../../lib/trpc.ts";

type Member = CoreOutputs["users"]["list"][number];
const column = createColumnHelper<Member>();

function RoleCell({ member }: { member: Member }) {
  const queryClient = useQueryClient();
  const { has, role: myRole } = usePermissions();
  const me = useCurrentUser();
  const change = useMutation(
    trpc.users.changeRole.mutationOptions({
      onSuccess: (updated) => {
        toast.success(`${updated.name} is now ${roleLabel(updated.role)}.`);
        void queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  // Only an owner gives or takes the owner role; nobody changes their own role here.
  const editable = has("core.users.manage") && !member.deactivatedAt && member.userId !== me.id && (member.role !== "owner" || myRole === "owner");
  if (!editable) return <span>{roleLabel(member.role)}</span>;
  const options = ROLE_OPTIONS.filter((r) => r.value !== "owner" || myRole === "owner").map((r) => ({ value: r.value, label: r.label }));
  return (
    <Select
      size="sm"
      className="w-36"
      aria-label={`Role of ${member.name}`}
      options={options}
      value={member.role}
      disabled={change.isPending}
      onValueChange={(role) => change.mutate({ userId: member.userId, role: role as Member["role"] })}
    />
  );
}

function ActivationButton({ member }: { member: Member }) {
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const [open, setOpen] = useState(false);
  const onDone = (verb: string) => (updated: Member) => {
    toast.success(`${updated.name} was ${verb}.`);
    void queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
  };
  const deactivate = useMutation(trpc.users.deactivate.mutationOptions({ onSuccess: onDone("deactivated"), onError: (e) => toast.error(errorMessage(e)) }));
  const reactivate = useMutation(trpc.users.reactivate.mutationOptions({ onSuccess: onDone("reactivated"), onError: (e) => toast.error(errorMessage(e)) }));
  if (member.userId === me.id) return null;
  if (member.deactivatedAt) {
    return (
      <Button size="sm" variant="ghost" loading={reactivate.isPending} onClick={() => reactivate.mutate({ userId: member.userId })}>
        Reactivate
      </Button>
    );
  }
  return (
    <>
      <Button size="sm" variant="ghost" onClick={() => setOpen(true)}>
        Deactivate
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Deactivate ${member.name}?`}
        description="They are signed out everywhere and can no longer sign in to this organization. Their records and history stay; you can reactivate them later."
        confirmLabel="Deactivate"
        destructive
        onConfirm={async () => {
          await deactivate.mutateAsync({ userId: member.userId });
        }}
      />
    </>
  );
}

/** The members of the organization: search, role and status filters (in the URL), role changes, deactivation. */
export function MembersTable() {
  const search = useSearch({ from: "/_app/admin/users" });
  const navigate = useNavigate({ from: "/admin/users" });
  const { has } = usePermissions();
  const { data: members } = useSuspenseQuery(trpc.users.list.queryOptions({ includeDeactivated: true, limit: 500 }));
  const [tableState, setTableState] = useState<DataTableState>(() => createDataTableState({ globalFilter: search.q ?? "" }));

  const rows = useMemo(
    () =>
      members.filter(
        (m) =>
          (!search.role || m.role === search.role) &&
          (search.status === "all" || (search.status === "active" ? !m.deactivatedAt : Boolean(m.deactivatedAt))),
      ),
    [members, search.role, search.status],
  );

  const columns = useMemo(
    () => [
      column.accessor("name", {
        header: "Name",
        cell: ({ row }) => (
          <div className="flex min-w-0 flex-col">
            <span className="truncate font-medium">{row.original.name}</span>
            <span className="truncate text-xs text-muted-foreground">{row.original.email}</span>
          </div>
        ),
      }),
      column.accessor("email", { header: "Email", meta: { defaultHidden: true } }),
      column.accessor("role", { header: "Role", cell: ({ row }) => <RoleCell member={row.original} />, meta: { exportValue: (m) => roleLabel(m.role) } }),
      column.accessor("teamName", { header: "Team", cell: ({ getValue }) => getValue() ?? "—" }),
      column.accessor("title", { header: "Title", cell: ({ getValue }) => getValue() ?? "—", meta: { defaultHidden: true } }),
      column.accessor((m) => (m.deactivatedAt ? "Deactivated" : "Active"), {
        id: "status",
        header: "Status",
        cell: ({ row }) =>
          row.original.deactivatedAt ? <Badge tone="neutral">Deactivated</Badge> : <Badge tone="success">Active</Badge>,
      }),
      column.accessor("createdAt", { header: "Member since", cell: ({ getValue }) => formatDate(getValue()) }),
      ...(has("core.users.manage")
        ? [column.display({ id: "actions", header: "", cell: ({ row }) => <ActivationButton member={row.original} />, meta: { exportable: false, align: "right" as const } })]
        : []),
    ],
    [has],
  );

  return (
    <DataTable
      label="Members"
      mode="client"
      columns={columns}
      data={rows}
      getRowId={(m) => m.userId}
      state={tableState}
      onStateChange={(next) => {
        setTableState(next);
        if (next.globalFilter !== (search.q ?? "")) void navigate({ search: (s) => ({ ...s, q: next.globalFilter || undefined }), replace: true });
      }}
      searchPlaceholder="Search by name or email…"
      storageKey="opsdeck.admin.members"
      exportFileName="members"
      toolbar={
        <>
          <Select
            size="sm"
            className="w-36"
            aria-label="Filter by role"
            options={[{ value: "any", label: "All roles" }, ...ROLE_OPTIONS.map((r) => ({ value: r.value, label: r.label }))]}
            value={search.role ?? "any"}
            onValueChange={(role) => void navigate({ search: (s) => ({ ...s, role: role === "any" ? undefined : role }) })}
          />
          <Select
            size="sm"
            className="w-36"
            aria-label="Filter by status"
            options={[
              { value: "active", label: "Active" },
              { value: "deactivated", label: "Deactivated" },
              { value: "all", label: "All members" },
            ]}
            value={search.status}
            onValueChange={(status) => void navigate({ search: (s) => ({ ...s, status: status as typeof search.status }) })}
          />
        </>
      }
    />
  );
}
