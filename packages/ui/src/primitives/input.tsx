import type { ComponentProps } from "react";
import { cn } from "../lib/cn.ts";
import { controlClasses } from "./control-styles.ts";

/** A single-line text field; set aria-invalid to show the error look. */
export function Input({ className, type = "text", ...props }: ComponentProps<"input">) {
  return (
    <input
      type={type}
      className={cn(
        controlClasses,
        "h-8 px-2.5 py-1 file:mr-2 file:border-0 file:bg-transparent file:text-sm file:font-medium",
        className,
      )}
      {...props}
    />
  );
}
