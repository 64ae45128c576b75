import { useCurrentUser, usePermissions } from "@opsdeck/plugin-sdk/web";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuSub,
  DropdownMenuSubContent,
  DropdownMenuSubTrigger,
  DropdownMenuTrigger,
  toast,
  useTheme,
  type ThemePreference,
} from "@opsdeck/ui";
import { LogOut, MonitorSmartphone, Palette } from "lucide-react";
import { reloadAt, signOut, signOutEverywhere } from "../lib/auth-api.ts";
import { errorMessage } from "../lib/http.ts";

const ROLE_NAMES: Record<string, string> = { owner: "Owner", admin: "Admin", ops: "Sales Ops", manager: "Manager", rep: "Rep", new_hire: "New hire" };

const initials = (name: string, email: string) =>
  (name.trim() || email)
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");

/** The avatar menu: who is signed in, the theme, and signing out here or on every device. */
export function UserMenu() {
  const user = useCurrentUser();
  const { role } = usePermissions();
  const { theme, setTheme } = useTheme();
  const leave = (action: () => Promise<unknown>) => () => {
    action().then(
      () => reloadAt("/sign-in"),
      (error: unknown) => toast.error(errorMessage(error)),
    );
  };
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        aria-label={`Account menu for ${user.name || user.email}`}
        className="grid size-8 place-items-center rounded-full bg-muted text-xs font-semibold text-foreground outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring"
      >
        {initials(user.name, user.email)}
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64">
        <DropdownMenuLabel className="flex flex-col gap-0.5 font-normal">
          <span className="truncate text-sm font-medium text-foreground">{user.name}</span>
          <span className="truncate text-xs text-muted-foreground">{user.email}</span>
          <span className="text-xs text-muted-foreground">{ROLE_NAMES[role] ?? role}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuSub>
          <DropdownMenuSubTrigger>
            <Palette aria-hidden="true" />
            Theme
          </DropdownMenuSubTrigger>
          <DropdownMenuSubContent>
            <DropdownMenuRadioGroup value={theme} onValueChange={(value) => setTheme(value as ThemePreference)}>
              <DropdownMenuRadioItem value="light">Light</DropdownMenuRadioItem>
              <DropdownMenuRadioItem value="dark">Dark</DropdownMenuRadioItem>
              <DropdownMenuRadioItem value="system">System</DropdownMenuRadioItem>
            </DropdownMenuRadioGroup>
          </DropdownMenuSubContent>
        </DropdownMenuSub>
        <DropdownMenuSeparator />
        <DropdownMenuGroup>
          <DropdownMenuItem onSelect={leave(signOut)}>
            <LogOut aria-hidden="true" />
            Sign out
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={leave(signOutEverywhere)}>
            <MonitorSmartphone aria-hidden="true" />
            Sign out everywhere
          </DropdownMenuItem>
        </DropdownMenuGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
