import type { Meta, StoryObj } from "@storybook/react-vite";
import { Badge } from "./badge.tsx";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "./tabs.tsx";

const meta = { title: "Primitives/Tabs", component: Tabs } satisfies Meta<typeof Tabs>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Default: Story = {
  render: () => (
    <Tabs defaultValue="overview" className="max-w-xl">
      <TabsList>
        <TabsTrigger value="overview">Overview</TabsTrigger>
        <TabsTrigger value="deals">
          Deals <Badge>12</Badge>
        </TabsTrigger>
        <TabsTrigger value="activity">Activity</TabsTrigger>
        <TabsTrigger value="settings" disabled>
          Settings
        </TabsTrigger>
      </TabsList>
      <TabsContent value="overview" className="text-sm text-muted-foreground">
        Account overview: owner, territory, health.
      </TabsContent>
      <TabsContent value="deals" className="text-sm text-muted-foreground">
        Twelve open deals.
      </TabsContent>
      <TabsContent value="activity" className="text-sm text-muted-foreground">
        Calls, emails and meetings.
      </TabsContent>
    </Tabs>
  ),
};

export const Dark: Story = { ...Default, globals: { theme: "dark" } };
