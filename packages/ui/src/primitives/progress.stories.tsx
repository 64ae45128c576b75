import type { Meta, StoryObj } from "@storybook/react-vite";
import { Progress } from "./progress.tsx";
import { Skeleton } from "./skeleton.tsx";

const meta = { title: "Primitives/Progress & Skeleton", component: Progress, args: { value: 42, label: "Import" } } satisfies Meta<
  typeof Progress
>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Determinate: Story = { args: { className: "max-w-sm" } };

export const States: Story = {
  render: () => (
    <div className="grid max-w-sm gap-4 text-xs text-muted-foreground">
      <div className="grid gap-1.5">
        Importing contacts · 12,400 of 40,000
        <Progress value={31} label="Import" />
      </div>
      <div className="grid gap-1.5">
        Waiting for a worker (indeterminate)
        <Progress label="Queued job" />
      </div>
      <div className="grid gap-1.5">
        Done
        <Progress value={100} tone="success" label="Done" />
      </div>
      <div className="grid gap-1.5">
        Quota attainment 118%
        <Progress value={100} tone="warning" size="sm" label="Attainment" />
      </div>
    </div>
  ),
};

export const Skeletons: Story = {
  render: () => (
    <div className="grid max-w-sm gap-2">
      <Skeleton className="h-5 w-40" />
      <Skeleton className="h-4 w-full" />
      <Skeleton className="h-4 w-5/6" />
      <Skeleton className="h-24 w-full" />
    </div>
  ),
};

export const Dark: Story = { ...States, globals: { theme: "dark" } };
