import type { Meta, StoryObj } from "@storybook/react-vite";
import { Badge } from "./badge.tsx";

const meta = { title: "Primitives/Badge", component: Badge, args: { children: "Badge" } } satisfies Meta<typeof Badge>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Neutral: Story = {};

export const Tones: Story = {
  render: () => (
    <div className="flex flex-wrap gap-2">
      <Badge>Neutral</Badge>
      <Badge tone="accent">Beta</Badge>
      <Badge tone="success">Won</Badge>
      <Badge tone="warning">At risk</Badge>
      <Badge tone="danger">Lost</Badge>
      <Badge tone="info">New</Badge>
      <Badge tone="outline">v1.4.0</Badge>
    </div>
  ),
};

export const Dark: Story = { ...Tones, globals: { theme: "dark" } };
