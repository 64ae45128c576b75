import * as TabsPrimitive from "@radix-ui/react-tabs";
import type { ComponentProps } from "react";
import { cn } from "../lib/cn.ts";

/** Tabs: arrow keys move between triggers; panels are labelled by their trigger. */
export function Tabs({ className, ...props }: ComponentProps<typeof TabsPrimitive.Root>) {
  return <TabsPrimitive.Root className={cn("flex flex-col gap-3", className)} {...props} />;
}

/** The row of tab triggers, underlined like a page's sub-navigation. */
export function TabsList({ className, ...props }: ComponentProps<typeof TabsPrimitive.List>) {
  return (
    <TabsPrimitive.List
      className={cn("flex h-9 items-end gap-4 border-b border-border text-muted-foreground", className)}
      {...props}
    />
  );
}

/** One tab. */
export function TabsTrigger({ className, ...props }: ComponentProps<typeof TabsPrimitive.Trigger>) {
  return (
    <TabsPrimitive.Trigger
      className={cn(
        "-mb-px inline-flex h-9 cursor-pointer items-center gap-1.5 border-b-2 border-transparent px-0.5 text-sm font-medium whitespace-nowrap outline-none transition-colors",
        "hover:text-foreground focus-visible:rounded-sm focus-visible:ring-2 focus-visible:ring-ring",
        "data-[state=active]:border-primary data-[state=active]:text-foreground disabled:pointer-events-none disabled:opacity-50",
        "[&_svg]:size-4",
        className,
      )}
      {...props}
    />
  );
}

/** The panel of one tab. */
export function TabsContent({ className, ...props }: ComponentProps<typeof TabsPrimitive.Content>) {
  return (
    <TabsPrimitive.Content
      className={cn("outline-none focus-visible:ring-2 focus-visible:ring-ring rounded-sm", className)}
      {...props}
    />
  );
}
