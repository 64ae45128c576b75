import { Can } from "@opsdeck/plugin-sdk/web";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@opsdeck/ui";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { Page } from "../../../../components/page.tsx";
import { InviteDialog } from "./invite-dialog.tsx";
import { InvitationsTable } from "./invitations-table.tsx";
import { MembersTable } from "./members-table.tsx";

/** Users & invitations: who is in the organization, with which role, and who was invited. */
export function UsersPage() {
  const search = useSearch({ from: "/_app/admin/users" });
  const navigate = useNavigate({ from: "/admin/users" });
  return (
    <Page
      title="Users"
      description="Members of your organization, their roles, and pending invitations."
      actions={
        <Can permission="core.users.manage">
          <InviteDialog />
        </Can>
      }
    >
      <Tabs value={search.tab} onValueChange={(tab) => void navigate({ search: (s) => ({ ...s, tab: tab as "members" | "invitations" }) })}>
        <TabsList>
          <TabsTrigger value="members">Members</TabsTrigger>
          <Can permission="core.users.manage">
            <TabsTrigger value="invitations">Invitations</TabsTrigger>
          </Can>
        </TabsList>
        <TabsContent value="members" className="pt-3">
          <MembersTable />
        </TabsContent>
        <TabsContent value="invitations" className="pt-3">
          <Can permission="core.users.manage">
            <InvitationsTable />
          </Can>
        </TabsContent>
      </Tabs>
    </Page>
  );
}
