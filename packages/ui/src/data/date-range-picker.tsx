import { endOfDay, startOfDay } from "date-fns";
import { CalendarDays, X } from "lucide-react";
import { useMemo, useState } from "react";
import type { DateRange as DayPickerRange } from "react-day-picker";
import { cn } from "../lib/cn.ts";
import { formatDate } from "../lib/format/format-date.ts";
import { Button } from "../primitives/button.tsx";
import { Popover, PopoverContent, PopoverTrigger } from "../primitives/popover.tsx";
import { Calendar } from "./calendar.tsx";
import { getDateRangePresets, matchDateRangePreset, type DateRange, type DateRangePreset } from "./date-range-presets.ts";

export interface DateRangePickerProps {
  value: DateRange | undefined;
  onChange: (range: DateRange | undefined) => void;
  /** Replaces the default presets (see getDateRangePresets). */
  presets?: readonly DateRangePreset[];
  /** Shifts the default quarter/year presets to the organization's fiscal calendar (1–12). */
  fiscalYearStartMonth?: number;
  /** "Today" for the presets (default now); stories and tests pin it. */
  today?: Date;
  placeholder?: string;
  /** Shows a × to clear the range. */
  clearable?: boolean;
  locale?: string;
  className?: string;
  "aria-label"?: string;
  /** Starts with the popover open. */
  defaultOpen?: boolean;
}

/** Formats a range like "Apr 1, 2025 – Jun 30, 2025". */
export function formatDateRange(range: DateRange, locale?: string): string {
  return `${formatDate(range.from, { locale })} – ${formatDate(range.to, { locale })}`;
}

/** A button that opens presets (this quarter, last quarter, this year…) and a two-month range calendar. */
export function DateRangePicker({
  value,
  onChange,
  presets,
  fiscalYearStartMonth,
  today,
  placeholder = "Pick a date range",
  clearable = false,
  locale,
  className,
  "aria-label": ariaLabel = "Date range",
  defaultOpen = false,
}: DateRangePickerProps) {
  const [open, setOpen] = useState(defaultOpen);
  const [draft, setDraft] = useState<DayPickerRange | undefined>(value);
  const list = useMemo(
    () => presets ?? getDateRangePresets(today ?? new Date(), { fiscalYearStartMonth }),
    [presets, today, fiscalYearStartMonth],
  );
  const active = matchDateRangePreset(list, value);
  const label = value ? (active ? active.label : formatDateRange(value, locale)) : placeholder;

  const apply = (range: DateRange | undefined) => {
    onChange(range);
    setOpen(false);
  };

  return (
    <div className={cn("inline-flex items-center gap-1", className)}>
      <Popover
        open={open}
        onOpenChange={(next) => {
          if (next) setDraft(value);
          setOpen(next);
        }}
      >
        <PopoverTrigger asChild>
          <Button aria-label={`${ariaLabel}: ${label}`} className={cn("justify-start", !value && "text-muted-foreground")}>
            <CalendarDays aria-hidden="true" className="text-muted-foreground" />
            <span className="truncate">{label}</span>
            {value && active ? (
              <span className="hidden text-xs text-muted-foreground lg:inline">{formatDateRange(value, locale)}</span>
            ) : null}
          </Button>
        </PopoverTrigger>
        <PopoverContent className="flex w-auto flex-col gap-0 p-0 sm:flex-row">
          <ul aria-label="Presets" className="flex flex-row flex-wrap gap-0.5 border-b border-border p-2 sm:w-40 sm:flex-col sm:border-r sm:border-b-0">
            {list.map((preset) => (
              <li key={preset.id}>
                <button
                  type="button"
                  onClick={() => apply(preset.range)}
                  aria-pressed={active?.id === preset.id}
                  className={cn(
                    "w-full cursor-pointer rounded-md px-2 py-1.5 text-left text-sm outline-none transition-colors hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring",
                    active?.id === preset.id && "bg-accent font-medium",
                  )}
                >
                  {preset.label}
                </button>
              </li>
            ))}
          </ul>
          <div className="flex flex-col gap-3 p-3">
            <Calendar
              mode="range"
              numberOfMonths={2}
              // Two months side by side: days of the neighbouring month would repeat (and highlight) twice.
              showOutsideDays={false}
              defaultMonth={draft?.from ?? value?.from ?? today}
              selected={draft}
              onSelect={setDraft}
              today={today}
            />
            <div className="flex items-center justify-end gap-2 border-t border-border pt-3">
              <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button
                size="sm"
                variant="primary"
                disabled={!draft?.from || !draft.to}
                onClick={() => draft?.from && draft.to && apply({ from: startOfDay(draft.from), to: endOfDay(draft.to) })}
              >
                Apply
              </Button>
            </div>
          </div>
        </PopoverContent>
      </Popover>
      {clearable && value ? (
        <Button size="sm" variant="ghost" aria-label="Clear date range" className="size-7 px-0" onClick={() => onChange(undefined)}>
          <X aria-hidden="true" />
        </Button>
      ) : null}
    </div>
  );
}
