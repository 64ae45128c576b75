import type { Meta, StoryObj } from "@storybook/react-vite";
import { Checkbox } from "./checkbox.tsx";
import { Label } from "./label.tsx";
import { RadioGroup, RadioGroupItem } from "./radio-group.tsx";
import { Switch } from "./switch.tsx";

const meta = { title: "Primitives/Checkbox, Switch & RadioGroup", component: Checkbox } satisfies Meta<typeof Checkbox>;
export default meta;

type Story = StoryObj<typeof meta>;

export const All: Story = {
  render: () => (
    <div className="grid max-w-md gap-6">
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-xs font-medium text-muted-foreground">Checkbox</legend>
        <div className="flex items-center gap-2">
          <Checkbox id="c1" defaultChecked />
          <Label htmlFor="c1" className="font-normal">Include closed-lost deals</Label>
        </div>
        <div className="flex items-center gap-2">
          <Checkbox id="c2" checked="indeterminate" />
          <Label htmlFor="c2" className="font-normal">Some regions</Label>
        </div>
        <div className="flex items-center gap-2">
          <Checkbox id="c3" />
          <Label htmlFor="c3" className="font-normal">Only my accounts</Label>
        </div>
        <div className="flex items-center gap-2">
          <Checkbox id="c4" disabled />
          <Label htmlFor="c4" className="font-normal">Disabled</Label>
        </div>
      </fieldset>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-xs font-medium text-muted-foreground">Switch</legend>
        <div className="flex items-center gap-2">
          <Switch id="s1" defaultChecked />
          <Label htmlFor="s1" className="font-normal">Email me when an import finishes</Label>
        </div>
        <div className="flex items-center gap-2">
          <Switch id="s2" />
          <Label htmlFor="s2" className="font-normal">Weekly digest</Label>
        </div>
        <div className="flex items-center gap-2">
          <Switch id="s3" disabled />
          <Label htmlFor="s3" className="font-normal">Disabled</Label>
        </div>
      </fieldset>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-xs font-medium text-muted-foreground">RadioGroup</legend>
        <RadioGroup defaultValue="skip" aria-label="Import mode">
          <div className="flex items-center gap-2">
            <RadioGroupItem value="all" id="r1" />
            <Label htmlFor="r1" className="font-normal">All or nothing</Label>
          </div>
          <div className="flex items-center gap-2">
            <RadioGroupItem value="skip" id="r2" />
            <Label htmlFor="r2" className="font-normal">Skip bad rows</Label>
          </div>
          <div className="flex items-center gap-2">
            <RadioGroupItem value="dry" id="r3" disabled />
            <Label htmlFor="r3" className="font-normal">Dry run (coming soon)</Label>
          </div>
        </RadioGroup>
      </fieldset>
    </div>
  ),
};

export const Dark: Story = { ...All, globals: { theme: "dark" } };
