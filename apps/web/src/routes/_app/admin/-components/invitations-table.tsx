import { Button, DataTable, EmptyState, StatusBadge, createColumnHelper, formatDate, formatRelativeTime, toast } from "@opsdeck/ui";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { MailPlus } from "lucide-react";
import { useMemo } from "react";
import { roleLabel } from "../../../../components/role-labels.ts";
import { errorMessage } from "../../../../lib/http.ts";
import { trpc, type CoreOutputs } from "../../../../lib/trpc.ts";

type Invitation = CoreOutputs["invitations"]["list"][number];
const column = createColumnHelper<Invitation>();

function RevokeButton({ invitation }: { invitation: Invitation }) {
  const queryClient = useQueryClient();
  const revoke = useMutation(
    trpc.invitations.revoke.mutationOptions({
      onSuccess: () => {
        toast.success(`The invitation of ${invitation.email} was revoked.`);
        void queryClient.invalidateQueries({ queryKey: trpc.invitations.list.queryKey() });
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  if (invitation.status !== "pending") return null;
  return (
    <Button size="sm" variant="ghost" loading={revoke.isPending} onClick={() => revoke.mutate({ invitationId: invitation.id })}>
      Revoke
    </Button>
  );
}

/** Invitations sent, their state, and revoking a pending one. */
export function InvitationsTable() {
  const { data: invitations } = useSuspenseQuery(trpc.invitations.list.queryOptions({}));
  const columns = useMemo(
    () => [
      column.accessor("email", { header: "Email" }),
      column.accessor("role", { header: "Role", cell: ({ getValue }) => roleLabel(getValue()) }),
      column.accessor("status", { header: "Status", cell: ({ getValue }) => <StatusBadge status={getValue()} /> }),
      column.accessor("createdAt", { header: "Sent", cell: ({ getValue }) => formatDate(getValue()) }),
      column.accessor("expiresAt", {
        header: "Expires",
        cell: ({ row }) => (row.original.status === "pending" ? formatRelativeTime(row.original.expiresAt) : "—"),
      }),
      column.display({ id: "actions", header: "", cell: ({ row }) => <RevokeButton invitation={row.original} />, meta: { exportable: false, align: "right" as const } }),
    ],
    [],
  );
  return (
    <DataTable
      label="Invitations"
      mode="client"
      columns={columns}
      data={invitations}
      getRowId={(i) => i.id}
      searchPlaceholder="Search by email…"
      exportFileName="invitations"
      storageKey="opsdeck.admin.invitations"
      emptyState={<EmptyState size="compact" icon={<MailPlus />} title="No invitations yet" text="Invite people with the button above." />}
    />
  );
}
