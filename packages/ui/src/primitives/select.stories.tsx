import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { Label } from "./label.tsx";
import {
  Select,
  SelectContent,
  SelectGroup,
  SelectItem,
  SelectLabel,
  SelectRoot,
  SelectSeparator,
  SelectTrigger,
  SelectValue,
} from "./select.tsx";

const REGIONS = [
  { value: "emea", label: "EMEA" },
  { value: "na-east", label: "NA East" },
  { value: "na-west", label: "NA West" },
  { value: "apac", label: "APAC" },
  { value: "latam", label: "LATAM", disabled: true },
];

const meta = {
  title: "Primitives/Select",
  component: Select,
  args: { options: REGIONS, placeholder: "Choose a region", "aria-label": "Region" },
} satisfies Meta<typeof Select>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Empty: Story = { args: { className: "w-56" } };

function ControlledSelect() {
  const [value, setValue] = useState("emea");
  return (
    <div className="grid w-56 gap-1.5">
      <Label htmlFor="s-region">Region</Label>
      <Select options={REGIONS} id="s-region" value={value} onValueChange={setValue} />
      <p className="text-xs text-muted-foreground">Selected: {value}</p>
    </div>
  );
}

export const Controlled: Story = { render: () => <ControlledSelect /> };

export const Invalid: Story = { args: { className: "w-56", "aria-invalid": true } };

export const Open: Story = {
  render: () => (
    <div className="h-72">
      <SelectRoot defaultOpen defaultValue="owner">
        <SelectTrigger className="w-56" aria-label="Role">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectGroup>
            <SelectLabel>Admins</SelectLabel>
            <SelectItem value="owner">Owner</SelectItem>
            <SelectItem value="admin">Admin</SelectItem>
            <SelectItem value="ops">Ops</SelectItem>
          </SelectGroup>
          <SelectSeparator />
          <SelectGroup>
            <SelectLabel>Field</SelectLabel>
            <SelectItem value="manager">Manager</SelectItem>
            <SelectItem value="rep">Rep</SelectItem>
          </SelectGroup>
        </SelectContent>
      </SelectRoot>
    </div>
  ),
};

export const Dark: Story = { ...Open, globals: { theme: "dark" } };
