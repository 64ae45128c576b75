import type { ComponentProps } from "react";
import { cn } from "../lib/cn.ts";
import { controlClasses } from "./control-styles.ts";

/** A multi-line text field. */
export function Textarea({ className, rows = 3, ...props }: ComponentProps<"textarea">) {
  return <textarea rows={rows} className={cn(controlClasses, "min-h-16 px-2.5 py-1.5", className)} {...props} />;
}
