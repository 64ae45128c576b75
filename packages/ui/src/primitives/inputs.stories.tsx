import type { Meta, StoryObj } from "@storybook/react-vite";
import { Input } from "./input.tsx";
import { Label } from "./label.tsx";
import { Textarea } from "./textarea.tsx";

const meta = { title: "Primitives/Input & Textarea", component: Input } satisfies Meta<typeof Input>;
export default meta;

type Story = StoryObj<typeof meta>;

export const States: Story = {
  render: () => (
    <div className="grid max-w-sm gap-4">
      <div className="grid gap-1.5">
        <Label htmlFor="i-name">Account name</Label>
        <Input id="i-name" placeholder="Acme Inc." />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="i-filled">Domain</Label>
        <Input id="i-filled" defaultValue="acme.com" />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="i-invalid">Email</Label>
        <Input id="i-invalid" defaultValue="not-an-email" aria-invalid />
        <p className="text-xs font-medium text-destructive">Enter a valid email address.</p>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="i-disabled">External id</Label>
        <Input id="i-disabled" defaultValue="0015g00000XyZ" disabled />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="i-notes">Notes</Label>
        <Textarea id="i-notes" placeholder="What happened on the last call?" />
      </div>
    </div>
  ),
};

export const Dark: Story = { ...States, globals: { theme: "dark" } };
