import type { Meta, StoryObj } from "@storybook/react-vite";
import { BarChart3, FileUp, LayoutDashboard, Map, Moon, Plug, Users, Wallet } from "lucide-react";
import { useState } from "react";
import { Button } from "../primitives/button.tsx";
import { CommandPalette, type CommandPaletteGroup } from "./command-palette.tsx";
import { CommandPaletteTrigger } from "./command-palette-trigger.tsx";
import { useCommandPaletteShortcut } from "./use-command-palette-shortcut.ts";

const noop = () => {};
const GROUPS: CommandPaletteGroup[] = [
  {
    heading: "Navigate",
    items: [
      { id: "home", label: "Dashboard", icon: <LayoutDashboard />, onSelect: noop },
      { id: "territories", label: "Territories", icon: <Map />, keywords: ["regions", "coverage"], onSelect: noop },
      { id: "comp", label: "Compensation plans", icon: <Wallet />, keywords: ["commission", "quota"], onSelect: noop },
      { id: "reports", label: "Reports", icon: <BarChart3 />, hint: "G then R", onSelect: noop },
    ],
  },
  {
    heading: "Actions",
    items: [
      { id: "import", label: "Import contacts from CSV", icon: <FileUp />, keywords: ["upload"], onSelect: noop },
      { id: "invite", label: "Invite a teammate", icon: <Users />, onSelect: noop },
      { id: "plugins", label: "Manage plugins", icon: <Plug />, onSelect: noop },
      { id: "theme", label: "Switch theme", icon: <Moon />, keywords: ["dark", "light"], onSelect: noop },
    ],
  },
];

function Demo({ initiallyOpen = false }: { initiallyOpen?: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  useCommandPaletteShortcut(() => setOpen((value) => !value));
  return (
    <div className="grid max-w-sm gap-3">
      <CommandPaletteTrigger onClick={() => setOpen(true)} />
      <p className="text-xs text-muted-foreground">Press Ctrl K (⌘K on a Mac) anywhere.</p>
      <Button className="justify-self-start" onClick={() => setOpen(true)}>
        Open palette
      </Button>
      <CommandPalette open={open} onOpenChange={setOpen} groups={GROUPS} />
    </div>
  );
}

const meta = { title: "Overlays/CommandPalette", component: Demo } satisfies Meta<typeof Demo>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Closed: Story = {};
export const Open: Story = { args: { initiallyOpen: true } };
export const Dark: Story = { args: { initiallyOpen: true }, globals: { theme: "dark" } };
