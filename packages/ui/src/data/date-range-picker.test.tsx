import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { DateRangePicker } from "./date-range-picker.tsx";
import type { DateRange } from "./date-range-presets.ts";

const TODAY = new Date(2025, 4, 14);

function Picker({ onChange }: { onChange: (range: DateRange | undefined) => void }) {
  const [range, setRange] = useState<DateRange | undefined>();
  return (
    <DateRangePicker
      value={range}
      today={TODAY}
      clearable
      onChange={(next) => {
        setRange(next);
        onChange(next);
      }}
    />
  );
}

describe("DateRangePicker", () => {
  it("applies a preset and names it on the button", async () => {
    const onChange = vi.fn();
    render(<Picker onChange={onChange} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Date range: Pick a date range" }));
    await user.click(screen.getByRole("button", { name: "Last quarter" }));
    const range = onChange.mock.calls[0]?.[0] as DateRange;
    expect(range.from).toEqual(new Date(2025, 0, 1));
    expect(range.to.getMonth()).toBe(2);
    expect(range.to.getDate()).toBe(31);
    expect(screen.getByRole("button", { name: "Date range: Last quarter" })).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Clear date range" }));
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });

  it("picks a custom range on the calendar and applies it as whole days", async () => {
    const onChange = vi.fn();
    render(<Picker onChange={onChange} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: /Date range/ }));
    const apply = screen.getByRole("button", { name: "Apply" });
    expect(apply).toBeDisabled();
    await user.click(screen.getByRole("button", { name: /May 5th, 2025/ }));
    await user.click(screen.getByRole("button", { name: /May 9th, 2025/ }));
    await user.click(apply);
    const range = onChange.mock.calls[0]?.[0] as DateRange;
    expect(range.from).toEqual(new Date(2025, 4, 5));
    expect(range.to).toEqual(new Date(2025, 4, 9, 23, 59, 59, 999));
  });
});
