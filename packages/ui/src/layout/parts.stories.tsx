import type { Meta, StoryObj } from "@storybook/react-vite";
import { Bell, Plus } from "lucide-react";
import { CommandPaletteTrigger } from "../overlays/command-palette-trigger.tsx";
import { Button } from "../primitives/button.tsx";
import { IconButton } from "../primitives/icon-button.tsx";
import { DEMO_NAV, DemoOrg, DemoUser } from "../story-helpers/demo-nav.tsx";
import { ThemeToggle } from "../theme/theme-toggle.tsx";
import { PageHeader } from "./page-header.tsx";
import { Sidebar } from "./sidebar.tsx";
import { Topbar } from "./topbar.tsx";

const meta = { title: "Layout/Parts", component: Sidebar, args: { groups: DEMO_NAV } } satisfies Meta<typeof Sidebar>;
export default meta;

type Story = StoryObj<typeof meta>;

export const SidebarNav: Story = {
  render: () => (
    <div className="h-[560px]">
      <Sidebar header={<DemoOrg />} groups={DEMO_NAV} activeId="territories" footer={<DemoUser />} />
    </div>
  ),
  parameters: { layout: "fullscreen" },
};

export const TopbarSlots: Story = {
  render: () => (
    <Topbar
      start={<span className="text-sm font-medium">Territories</span>}
      center={<CommandPaletteTrigger onClick={() => {}} />}
      end={
        <>
          <IconButton label="Notifications" icon={<Bell />} />
          <ThemeToggle />
        </>
      }
    />
  ),
  parameters: { layout: "fullscreen" },
};

export const Header: Story = {
  render: () => (
    <PageHeader
      breadcrumbs={[{ label: "Compensation", href: "#comp" }, { label: "Plans", href: "#plans" }, { label: "FY25 AE plan" }]}
      title="FY25 AE plan"
      description="Quarterly quota with accelerators above 100% attainment. Applies to 42 reps."
      actions={
        <>
          <Button>Duplicate</Button>
          <Button variant="primary">
            <Plus /> Add component
          </Button>
        </>
      }
    />
  ),
};

export const HeaderTitleOnly: Story = { render: () => <PageHeader title="Accounts" /> };

export const Dark: Story = { ...SidebarNav, globals: { theme: "dark" } };
