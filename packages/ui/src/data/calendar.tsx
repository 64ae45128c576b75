import { ChevronLeft, ChevronRight } from "lucide-react";
import type { ComponentProps } from "react";
import { DayPicker } from "react-day-picker";
import { cn } from "../lib/cn.ts";
import { buttonVariants } from "../primitives/button.tsx";

export type CalendarProps = ComponentProps<typeof DayPicker>;

/** A month calendar (react-day-picker) in the kit's look: single, multiple or range selection. */
export function Calendar({ className, classNames, showOutsideDays = true, ...props }: CalendarProps) {
  return (
    <DayPicker
      showOutsideDays={showOutsideDays}
      className={cn("p-1 text-sm", className)}
      classNames={{
        root: "relative",
        months: "relative flex flex-col gap-4 sm:flex-row",
        month: "flex flex-col gap-3",
        month_caption: "flex h-8 items-center justify-center",
        caption_label: "text-sm font-medium",
        nav: "absolute inset-x-0 top-0 z-10 flex h-8 items-center justify-between",
        button_previous: cn(buttonVariants({ variant: "ghost", size: "sm" }), "size-7 px-0"),
        button_next: cn(buttonVariants({ variant: "ghost", size: "sm" }), "size-7 px-0"),
        month_grid: "border-collapse",
        weekdays: "flex",
        weekday: "w-8 text-center text-xs font-normal text-muted-foreground",
        week: "mt-1 flex w-full",
        day: cn(
          "relative size-8 p-0 text-center",
          "[&.rdp-range-middle]:bg-accent [&.rdp-range-start]:rounded-l-md [&.rdp-range-start]:bg-accent [&.rdp-range-end]:rounded-r-md [&.rdp-range-end]:bg-accent",
        ),
        day_button: cn(
          "inline-flex size-8 cursor-pointer items-center justify-center rounded-md text-sm tabular-nums outline-none transition-colors",
          "hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring",
        ),
        selected: "[&>button]:bg-primary [&>button]:text-primary-foreground [&>button]:hover:bg-primary/90",
        range_start: "rdp-range-start",
        range_end: "rdp-range-end",
        range_middle:
          "rdp-range-middle [&>button]:bg-transparent! [&>button]:text-foreground! [&>button]:hover:bg-muted!",
        today: "[&>button]:font-semibold [&>button]:underline [&>button]:underline-offset-4",
        outside: "text-muted-foreground/50",
        disabled: "pointer-events-none opacity-40",
        hidden: "invisible",
        ...classNames,
      }}
      components={{
        Chevron: ({ orientation, className: chevronClass }) =>
          orientation === "left" ? (
            <ChevronLeft className={cn("size-4", chevronClass)} aria-hidden="true" />
          ) : (
            <ChevronRight className={cn("size-4", chevronClass)} aria-hidden="true" />
          ),
      }}
      {...props}
    />
  );
}
