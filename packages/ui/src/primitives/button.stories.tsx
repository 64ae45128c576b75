import type { Meta, StoryObj } from "@storybook/react-vite";
import { Download, Plus, Trash2 } from "lucide-react";
import { Button } from "./button.tsx";

const meta = {
  title: "Primitives/Button",
  component: Button,
  args: { children: "Save changes" },
} satisfies Meta<typeof Button>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Secondary: Story = {};
export const Primary: Story = { args: { variant: "primary" } };

export const Variants: Story = {
  render: () => (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="primary">
        <Plus /> New plan
      </Button>
      <Button>
        <Download /> Export
      </Button>
      <Button variant="ghost">Cancel</Button>
      <Button variant="destructive">
        <Trash2 /> Delete
      </Button>
      <Button variant="link">Learn more</Button>
    </div>
  ),
};

export const Sizes: Story = {
  render: () => (
    <div className="flex items-center gap-2">
      <Button size="sm">Small</Button>
      <Button size="md">Medium</Button>
      <Button size="lg">Large</Button>
    </div>
  ),
};

export const Loading: Story = {
  render: () => (
    <div className="flex items-center gap-2">
      <Button variant="primary" loading>
        Saving…
      </Button>
      <Button loading>Exporting</Button>
      <Button disabled>Disabled</Button>
    </div>
  ),
};

export const AsLink: Story = {
  render: () => (
    <Button asChild variant="primary">
      <a href="#accounts">Open accounts</a>
    </Button>
  ),
};

export const Dark: Story = { ...Variants, globals: { theme: "dark" } };
