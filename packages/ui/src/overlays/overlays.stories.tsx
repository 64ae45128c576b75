import type { Meta, StoryObj } from "@storybook/react-vite";
import { useEffect, useRef, useState } from "react";
import { Button } from "../primitives/button.tsx";
import { Input } from "../primitives/input.tsx";
import { Label } from "../primitives/label.tsx";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "./dialog.tsx";
import { Sheet, SheetContent, SheetDescription, SheetFooter, SheetHeader, SheetTitle, SheetTrigger } from "./sheet.tsx";
import { Toaster, toast } from "./toaster.tsx";

const meta = { title: "Overlays/Dialog, Sheet & Toast", component: Dialog } satisfies Meta<typeof Dialog>;
export default meta;

type Story = StoryObj<typeof meta>;

export const DialogOpen: Story = {
  render: () => (
    <Dialog defaultOpen>
      <DialogTrigger asChild>
        <Button>Rename team</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Rename team</DialogTitle>
          <DialogDescription>Reps keep their territories; only the name changes.</DialogDescription>
        </DialogHeader>
        <div className="grid gap-1.5">
          <Label htmlFor="team-name">Name</Label>
          <Input id="team-name" defaultValue="EMEA Mid-Market" />
        </div>
        <DialogFooter>
          <DialogClose asChild>
            <Button>Cancel</Button>
          </DialogClose>
          <Button variant="primary">Save</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  ),
};

export const Confirm: Story = {
  render: () => (
    <ConfirmDialog
      open
      onOpenChange={() => {}}
      destructive
      title="Disable the compensation plugin?"
      description="Its pages disappear for everyone in Acme. Plans and statements are kept and come back when you enable it again."
      confirmLabel="Disable plugin"
      onConfirm={() => new Promise((resolve) => setTimeout(resolve, 1000))}
    />
  ),
};

function ConfirmWithTriggerDemo() {
  const [log, setLog] = useState<string[]>([]);
  return (
    <div className="grid gap-2">
      <ConfirmDialog
        trigger={<Button variant="destructive">Delete 3 accounts</Button>}
        destructive
        title="Delete 3 accounts?"
        description="Their contacts and opportunities are deleted too. This cannot be undone."
        confirmLabel="Delete"
        onConfirm={async () => {
          await new Promise((resolve) => setTimeout(resolve, 600));
          setLog((lines) => [...lines, "deleted"]);
        }}
      />
      <p className="text-xs text-muted-foreground">Confirmed: {log.length}</p>
    </div>
  );
}

export const ConfirmWithTrigger: Story = { render: () => <ConfirmWithTriggerDemo /> };

export const SheetOpen: Story = {
  render: () => (
    <Sheet defaultOpen>
      <SheetTrigger asChild>
        <Button>Open details</Button>
      </SheetTrigger>
      <SheetContent>
        <SheetHeader>
          <SheetTitle>Acme Inc.</SheetTitle>
          <SheetDescription>Customer since March 2023 · EMEA</SheetDescription>
        </SheetHeader>
        <dl className="grid grid-cols-2 gap-y-2 text-sm">
          <dt className="text-muted-foreground">Owner</dt>
          <dd>Ava Chen</dd>
          <dt className="text-muted-foreground">ARR</dt>
          <dd className="tabular-nums">$1,284,500.00</dd>
          <dt className="text-muted-foreground">Open deals</dt>
          <dd>4</dd>
        </dl>
        <SheetFooter>
          <Button>Close</Button>
          <Button variant="primary">Edit account</Button>
        </SheetFooter>
      </SheetContent>
    </Sheet>
  ),
};

export const Toasts: Story = {
  render: () => (
    <div className="flex flex-wrap gap-2">
      <Toaster />
      <Button onClick={() => toast.success("Plan published", { description: "Reps see it from tomorrow." })}>Success</Button>
      <Button onClick={() => toast.error("Import failed", { description: "Row 42: Close Date is not a date." })}>Error</Button>
      <Button onClick={() => toast("Territory saved", { action: { label: "Undo", onClick: () => {} } })}>With action</Button>
      <Button
        onClick={() =>
          void toast.promise(new Promise((resolve) => setTimeout(resolve, 1500)), {
            loading: "Recalculating commissions…",
            success: "Commissions recalculated",
            error: "Recalculation failed",
          })
        }
      >
        Promise
      </Button>
    </div>
  ),
};

function ToastsShownDemo() {
  const shown = useRef(false);
  useEffect(() => {
    // Strict mode runs effects twice: the ref keeps it to one pair of toasts.
    if (shown.current) return;
    shown.current = true;
    toast.success("Plan published", { description: "Reps see it from tomorrow.", duration: Infinity });
    toast.error("Import failed", { description: "Row 42: Close Date is not a date.", duration: Infinity });
  }, []);
  return (
    <div className="h-64">
      <Toaster position="top-right" />
    </div>
  );
}

export const ToastsShown: Story = { render: () => <ToastsShownDemo /> };

export const Dark: Story = { ...DialogOpen, globals: { theme: "dark" } };
