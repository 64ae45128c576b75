import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { Calendar } from "./calendar.tsx";
import { DateRangePicker } from "./date-range-picker.tsx";
import { getDateRangePresets, type DateRange } from "./date-range-presets.ts";

const TODAY = new Date(2025, 4, 14);

function Demo({
  initial,
  fiscalYearStartMonth,
  open = false,
}: {
  initial?: "this-quarter" | "custom";
  fiscalYearStartMonth?: number;
  open?: boolean;
}) {
  const presets = getDateRangePresets(TODAY, { fiscalYearStartMonth });
  const start =
    initial === "this-quarter"
      ? presets.find((preset) => preset.id === "this-quarter")?.range
      : initial === "custom"
        ? { from: new Date(2025, 2, 3), to: new Date(2025, 3, 18) }
        : undefined;
  const [range, setRange] = useState<DateRange | undefined>(start);
  return (
    <div className="grid gap-2">
      <DateRangePicker
        value={range}
        onChange={setRange}
        today={TODAY}
        fiscalYearStartMonth={fiscalYearStartMonth}
        clearable
        defaultOpen={open}
      />
      <p className="text-xs text-muted-foreground">
        {range ? `${range.from.toDateString()} → ${range.to.toDateString()}` : "No range"}
      </p>
    </div>
  );
}

const meta = { title: "Data/DateRangePicker", component: Demo } satisfies Meta<typeof Demo>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Empty: Story = {};
export const Preset: Story = { args: { initial: "this-quarter" } };
export const CustomRange: Story = { args: { initial: "custom" } };
export const FiscalYearFromFebruary: Story = { args: { initial: "this-quarter", fiscalYearStartMonth: 2 } };

export const Open: Story = { args: { initial: "custom", open: true }, decorators: [(Story) => <div className="h-[420px]"><Story /></div>] };
export const OpenDark: Story = { ...Open, globals: { theme: "dark" } };

export const CalendarOpen: Story = {
  render: () => (
    <div className="inline-block rounded-lg border border-border bg-popover p-3">
      <Calendar
        mode="range"
        numberOfMonths={2}
        defaultMonth={new Date(2025, 3, 1)}
        today={TODAY}
        selected={{ from: new Date(2025, 3, 7), to: new Date(2025, 4, 9) }}
      />
    </div>
  ),
};

export const Dark: Story = { ...CalendarOpen, globals: { theme: "dark" } };
