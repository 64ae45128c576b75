import type { Meta, StoryObj } from "@storybook/react-vite";
import { Bell, MoreHorizontal, Pencil, Trash2 } from "lucide-react";
import { IconButton } from "./icon-button.tsx";

const meta = {
  title: "Primitives/IconButton",
  component: IconButton,
  args: { label: "Notifications", icon: <Bell /> },
} satisfies Meta<typeof IconButton>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Ghost: Story = {};

export const Variants: Story = {
  render: () => (
    <div className="flex items-center gap-2">
      <IconButton label="Edit" icon={<Pencil />} />
      <IconButton label="More actions" icon={<MoreHorizontal />} variant="secondary" />
      <IconButton label="Delete" icon={<Trash2 />} variant="destructive" />
      <IconButton label="Small" icon={<Bell />} size="sm" variant="secondary" />
      <IconButton label="Large" icon={<Bell />} size="lg" variant="primary" />
      <IconButton label="Loading" icon={<Bell />} loading variant="secondary" />
      <IconButton label="Disabled" icon={<Bell />} disabled variant="secondary" />
    </div>
  ),
};

export const Dark: Story = { ...Variants, globals: { theme: "dark" } };
