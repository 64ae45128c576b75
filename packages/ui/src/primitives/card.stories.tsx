import type { Meta, StoryObj } from "@storybook/react-vite";
import { Button } from "./button.tsx";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "./card.tsx";

const meta = { title: "Primitives/Card", component: Card } satisfies Meta<typeof Card>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Default: Story = {
  render: () => (
    <Card className="max-w-md">
      <CardHeader>
        <div className="flex flex-col gap-0.5">
          <CardTitle>Territory coverage</CardTitle>
          <CardDescription>Accounts assigned to a rep, by region.</CardDescription>
        </div>
        <Button size="sm" variant="ghost">
          View all
        </Button>
      </CardHeader>
      <CardContent className="text-sm text-muted-foreground">
        1,284 of 1,310 accounts are assigned. 26 accounts in APAC have no owner since the last import.
      </CardContent>
      <CardFooter>
        <Button size="sm">Dismiss</Button>
        <Button size="sm" variant="primary">
          Assign owners
        </Button>
      </CardFooter>
    </Card>
  ),
};

export const Dark: Story = { ...Default, globals: { theme: "dark" } };
