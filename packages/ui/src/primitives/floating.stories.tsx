import type { Meta, StoryObj } from "@storybook/react-vite";
import { Copy, LogOut, MoreHorizontal, Pencil, Settings, Trash2, User } from "lucide-react";
import { Button } from "./button.tsx";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuShortcut,
  DropdownMenuTrigger,
} from "./dropdown-menu.tsx";
import { IconButton } from "./icon-button.tsx";
import { Input } from "./input.tsx";
import { Label } from "./label.tsx";
import { Popover, PopoverContent, PopoverTrigger } from "./popover.tsx";
import { Tooltip, TooltipContent, TooltipProvider, TooltipRoot, TooltipTrigger } from "./tooltip.tsx";

const meta = { title: "Primitives/DropdownMenu, Popover & Tooltip", component: DropdownMenu } satisfies Meta<
  typeof DropdownMenu
>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Menu: Story = {
  render: () => (
    <div className="flex h-72 justify-center">
      <DropdownMenu defaultOpen modal={false}>
        <DropdownMenuTrigger asChild>
          <IconButton label="Row actions" icon={<MoreHorizontal />} variant="secondary" tooltip={false} />
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start">
          <DropdownMenuLabel>Acme Inc.</DropdownMenuLabel>
          <DropdownMenuItem>
            <Pencil /> Edit <DropdownMenuShortcut>E</DropdownMenuShortcut>
          </DropdownMenuItem>
          <DropdownMenuItem>
            <Copy /> Duplicate
          </DropdownMenuItem>
          <DropdownMenuItem disabled>
            <User /> Reassign (no permission)
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem destructive>
            <Trash2 /> Delete
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  ),
};

export const UserMenu: Story = {
  render: () => (
    <div className="flex h-60 justify-end">
      <DropdownMenu defaultOpen modal={false}>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost">Ava Chen</Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          <DropdownMenuLabel>ava@acme.com</DropdownMenuLabel>
          <DropdownMenuItem>
            <Settings /> Settings
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem>
            <LogOut /> Sign out
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  ),
};

export const PopoverForm: Story = {
  render: () => (
    <div className="h-64">
      <Popover defaultOpen>
        <PopoverTrigger asChild>
          <Button>Set quota</Button>
        </PopoverTrigger>
        <PopoverContent className="grid gap-3">
          <p className="text-sm font-medium">Quarterly quota</p>
          <div className="grid gap-1.5">
            <Label htmlFor="quota">Amount (USD)</Label>
            <Input id="quota" defaultValue="250000.00" inputMode="decimal" />
          </div>
          <Button size="sm" variant="primary" className="justify-self-end">
            Save
          </Button>
        </PopoverContent>
      </Popover>
    </div>
  ),
};

export const Tooltips: Story = {
  render: () => (
    <div className="flex h-32 items-end gap-6">
      <TooltipProvider>
        <TooltipRoot defaultOpen>
          <TooltipTrigger asChild>
            <Button>Hover me</Button>
          </TooltipTrigger>
          <TooltipContent>Recalculates commissions for the open period</TooltipContent>
        </TooltipRoot>
      </TooltipProvider>
      <Tooltip content="Copy link">
        <IconButton label="Copy" icon={<Copy />} tooltip={false} variant="secondary" />
      </Tooltip>
    </div>
  ),
};

export const Dark: Story = { ...Menu, globals: { theme: "dark" } };
