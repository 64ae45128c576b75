import * as DialogPrimitive from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "../lib/cn.ts";
import { DialogOverlay } from "./dialog.tsx";

export const Sheet = DialogPrimitive.Root;
export const SheetTrigger = DialogPrimitive.Trigger;
export const SheetClose = DialogPrimitive.Close;

const SIDES = {
  right: "inset-y-0 right-0 h-full w-full max-w-md border-l animate-slide-in-right",
  left: "inset-y-0 left-0 h-full w-full max-w-md border-r animate-slide-in-left",
  bottom: "inset-x-0 bottom-0 max-h-[85vh] w-full border-t rounded-t-xl animate-slide-in-bottom",
} as const;

export type SheetContentProps = ComponentProps<typeof DialogPrimitive.Content> & { side?: keyof typeof SIDES };

/** A panel sliding in from an edge (details, filters, edit forms); a modal dialog underneath. */
export function SheetContent({ className, children, side = "right", ...props }: SheetContentProps) {
  return (
    <DialogPrimitive.Portal>
      <DialogOverlay />
      <DialogPrimitive.Content
        className={cn(
          "fixed z-50 flex flex-col gap-4 overflow-y-auto border-border bg-popover p-5 text-popover-foreground shadow-xl outline-none data-[state=closed]:animate-fade-out",
          SIDES[side],
          className,
        )}
        {...props}
      >
        {children}
        <DialogPrimitive.Close
          aria-label="Close"
          className="absolute top-3.5 right-3.5 grid size-7 cursor-pointer place-items-center rounded-md text-muted-foreground outline-none transition-colors hover:bg-accent hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring"
        >
          <X className="size-4" aria-hidden="true" />
        </DialogPrimitive.Close>
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

/** Title block of a sheet. */
export function SheetHeader({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("flex flex-col gap-1 pr-8", className)} {...props} />;
}

/** Actions pinned to the bottom of a sheet. */
export function SheetFooter({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("mt-auto flex justify-end gap-2 border-t border-border pt-4", className)} {...props} />;
}

/** The sheet's title (its accessible name). */
export function SheetTitle({ className, ...props }: ComponentProps<typeof DialogPrimitive.Title>) {
  return <DialogPrimitive.Title className={cn("text-base font-semibold", className)} {...props} />;
}

/** The sheet's description. */
export function SheetDescription({ className, ...props }: ComponentProps<typeof DialogPrimitive.Description>) {
  return <DialogPrimitive.Description className={cn("text-sm text-muted-foreground", className)} {...props} />;
}
