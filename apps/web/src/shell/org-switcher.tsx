import { useShell } from "@opsdeck/plugin-sdk/web";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
  toast,
} from "@opsdeck/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import { ChevronsUpDown } from "lucide-react";
import { reloadAt, sessionQuery, switchOrganization } from "../lib/auth-api.ts";
import { errorMessage } from "../lib/http.ts";

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");

/** The organization the user acts in, and the others they belong to (switching reloads the app). */
export function OrgSwitcher() {
  const { organization } = useShell();
  const { data: session } = useSuspenseQuery(sessionQuery);
  const organizations = session?.organizations ?? [];
  const others = organizations.length > 1;
  const badge = (
    <span aria-hidden="true" className="grid size-7 shrink-0 place-items-center rounded-md bg-primary text-xs font-semibold text-primary-foreground">
      {initials(organization.name) || "O"}
    </span>
  );
  if (!others) {
    return (
      <div className="flex min-w-0 items-center gap-2 px-1">
        {badge}
        <span className="truncate text-sm font-semibold" data-testid="org-name">
          {organization.name}
        </span>
      </div>
    );
  }
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="flex h-9 w-full min-w-0 items-center gap-2 rounded-md px-1 text-left outline-none hover:bg-sidebar-accent focus-visible:ring-2 focus-visible:ring-ring"
        aria-label={`Organization: ${organization.name}. Switch organization`}
      >
        {badge}
        <span className="truncate text-sm font-semibold" data-testid="org-name">
          {organization.name}
        </span>
        <ChevronsUpDown className="ml-auto size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-60">
        <DropdownMenuLabel>Organizations</DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuRadioGroup
          value={organization.id}
          onValueChange={(id) => {
            if (id === organization.id) return;
            switchOrganization(id).then(
              () => reloadAt("/"),
              (error: unknown) => toast.error(errorMessage(error)),
            );
          }}
        >
          {organizations.map((org) => (
            <DropdownMenuRadioItem key={org.id} value={org.id}>
              <span className="truncate">{org.name}</span>
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
