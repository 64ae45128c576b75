import type { ComponentProps, ReactNode } from "react";
import { cn } from "../lib/cn.ts";
import { Button } from "./button.tsx";
import { Tooltip } from "./tooltip.tsx";

export type IconButtonProps = Omit<ComponentProps<typeof Button>, "children" | "asChild"> & {
  /** The accessible name, also shown as a tooltip. Required: an icon alone says nothing to a screen reader. */
  label: string;
  icon: ReactNode;
  /** Set false to skip the tooltip (e.g. inside a menu that already labels it). */
  tooltip?: boolean;
};

const SQUARE = { sm: "size-7 px-0", md: "size-8 px-0", lg: "size-9 px-0" } as const;

/** A square button with only an icon; its label is the aria-label and the tooltip. */
export function IconButton({ label, icon, tooltip = true, size, variant, className, ...props }: IconButtonProps) {
  const button = (
    <Button
      aria-label={label}
      variant={variant ?? "ghost"}
      size={size}
      className={cn(SQUARE[size ?? "md"], className)}
      {...props}
    >
      {icon}
    </Button>
  );
  return tooltip ? <Tooltip content={label}>{button}</Tooltip> : button;
}
