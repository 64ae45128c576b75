import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { Button } from "../primitives/button.tsx";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "./dialog.tsx";

function RenameDialog() {
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button>Rename</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>Rename team</DialogTitle>
        <DialogDescription>Only the name changes.</DialogDescription>
        <input aria-label="Name" />
      </DialogContent>
    </Dialog>
  );
}

describe("Dialog", () => {
  it("moves focus inside, closes on Escape and gives focus back to the trigger", async () => {
    render(<RenameDialog />);
    const user = userEvent.setup();
    const trigger = screen.getByRole("button", { name: "Rename" });
    await user.click(trigger);

    const dialog = screen.getByRole("dialog", { name: "Rename team" });
    expect(dialog).toHaveAccessibleDescription("Only the name changes.");
    expect(dialog).toContainElement(document.activeElement as HTMLElement);

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(trigger).toHaveFocus();
  });

  it("closes with its × button", async () => {
    render(<RenameDialog />);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Rename" }));
    await user.click(screen.getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});

describe("ConfirmDialog", () => {
  it("starts on Cancel so Enter never confirms by accident", async () => {
    const onConfirm = vi.fn();
    render(<ConfirmDialog trigger={<Button>Delete</Button>} title="Delete 3 accounts?" onConfirm={onConfirm} destructive />);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Delete" }));
    expect(screen.getByRole("alertdialog", { name: "Delete 3 accounts?" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Cancel" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.queryByRole("alertdialog")).toBeNull();
  });

  it("stays open and busy while the action runs, then closes", async () => {
    let finish = () => {};
    const onConfirm = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    render(<ConfirmDialog trigger={<Button>Disable</Button>} title="Disable plugin?" confirmLabel="Disable plugin" onConfirm={onConfirm} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Disable" }));
    await user.click(screen.getByRole("button", { name: "Disable plugin" }));

    expect(onConfirm).toHaveBeenCalledOnce();
    expect(screen.getByRole("button", { name: "Disable plugin" })).toHaveAttribute("aria-busy", "true");
    await user.keyboard("{Escape}");
    expect(screen.getByRole("alertdialog")).toBeInTheDocument();

    finish();
    await vi.waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
  });

  it("stays open when the action fails", async () => {
    const onConfirm = vi.fn(() => Promise.reject(new Error("nope")));
    render(<ConfirmDialog open onOpenChange={() => {}} title="Publish plan?" confirmLabel="Publish" onConfirm={onConfirm} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Publish" }));
    await vi.waitFor(() => expect(screen.getByRole("button", { name: "Publish" })).not.toHaveAttribute("aria-busy"));
    expect(screen.getByRole("alertdialog")).toBeInTheDocument();
  });
});
