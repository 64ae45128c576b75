import type { Meta, StoryObj } from "@storybook/react-vite";
import { Inbox, Plus } from "lucide-react";
import { Button } from "../primitives/button.tsx";
import { Card } from "../primitives/card.tsx";
import { EmptyState } from "./empty-state.tsx";
import { ErrorCard } from "./error-card.tsx";
import { ErrorState } from "./error-state.tsx";
import { LoadingState } from "./loading-state.tsx";
import { StatusBadge } from "./status-badge.tsx";

const meta = { title: "Feedback/States", component: EmptyState, args: { title: "No territories yet" } } satisfies Meta<
  typeof EmptyState
>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  render: () => (
    <Card className="max-w-lg">
      <EmptyState
        icon={<Inbox />}
        title="No territories yet"
        text="Territories split accounts between reps. Start from a region or import a CSV."
        action={
          <>
            <Button>Import CSV</Button>
            <Button variant="primary">
              <Plus /> New territory
            </Button>
          </>
        }
      />
    </Card>
  ),
};

export const Loading: Story = {
  render: () => (
    <Card className="max-w-lg">
      <LoadingState label="Loading the comp plan…" />
    </Card>
  ),
};

export const LoadFailed: Story = {
  render: () => (
    <Card className="max-w-lg">
      <ErrorState
        title="Could not load the statement"
        message="The server did not answer in time. Your data is safe."
        onRetry={() => {}}
      />
    </Card>
  ),
};

export const PluginCrashed: Story = {
  render: () => (
    <div className="max-w-xl">
      <ErrorCard
        plugin="compensation"
        message="Cannot read properties of undefined (reading 'rate')."
        details={"TypeError: Cannot read properties of undefined (reading 'rate')\n    at PlanEditor (compensation/web.js:1:2345)\n    at renderWithHooks"}
        onRetry={() => {}}
      />
    </div>
  ),
};

export const StatusBadges: Story = {
  render: () => (
    <div className="grid gap-3">
      <div className="flex flex-wrap gap-2">
        {["queued", "running", "retrying", "succeeded", "failed", "cancelled"].map((status) => (
          <StatusBadge key={status} status={status} />
        ))}
      </div>
      <div className="flex flex-wrap gap-2">
        {["healthy", "degraded", "unhealthy", "enabled", "disabled"].map((status) => (
          <StatusBadge key={status} status={status} />
        ))}
      </div>
      <div className="flex flex-wrap gap-2">
        <StatusBadge status="failed" label="Failed · 3 retries" />
        <StatusBadge status="waiting_for_approval" />
      </div>
    </div>
  ),
};

export const Dark: Story = {
  render: () => (
    <div className="grid max-w-xl gap-4">
      <ErrorCard plugin="territories" message="Failed to fetch." onRetry={() => {}} />
      <Card>
        <ErrorState size="compact" message="Network error." onRetry={() => {}} />
      </Card>
      <div className="flex flex-wrap gap-2">
        {["queued", "running", "succeeded", "failed", "healthy", "degraded", "unhealthy"].map((status) => (
          <StatusBadge key={status} status={status} />
        ))}
      </div>
    </div>
  ),
  globals: { theme: "dark" },
};
