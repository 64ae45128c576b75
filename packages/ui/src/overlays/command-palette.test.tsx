import { fireEvent, render, renderHook, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { CommandPalette, type CommandPaletteGroup } from "./command-palette.tsx";
import { useCommandPaletteShortcut } from "./use-command-palette-shortcut.ts";

function Palette({ groups }: { groups: CommandPaletteGroup[] }) {
  const [open, setOpen] = useState(false);
  useCommandPaletteShortcut(() => setOpen((value) => !value));
  return <CommandPalette open={open} onOpenChange={setOpen} groups={groups} />;
}

function makeGroups(onSelect: (id: string) => void): CommandPaletteGroup[] {
  return [
    {
      heading: "Navigate",
      items: [
        { id: "territories", label: "Territories", keywords: ["regions"], onSelect: () => onSelect("territories") },
        { id: "comp", label: "Compensation plans", keywords: ["commission", "quota"], onSelect: () => onSelect("comp") },
      ],
    },
    {
      heading: "Actions",
      items: [{ id: "import", label: "Import contacts", onSelect: () => onSelect("import") }],
    },
  ];
}

const visibleOptions = () => screen.queryAllByRole("option").map((option) => option.textContent);

describe("CommandPalette", () => {
  it("opens on Ctrl-K and filters by label and keywords", async () => {
    render(<Palette groups={makeGroups(() => {})} />);
    const user = userEvent.setup();
    expect(screen.queryByRole("dialog")).toBeNull();
    await user.keyboard("{Control>}k{/Control}");
    expect(screen.getByRole("dialog", { name: "Command palette" })).toBeInTheDocument();
    expect(visibleOptions()).toEqual(["Territories", "Compensation plans", "Import contacts"]);

    await user.keyboard("commission");
    expect(visibleOptions()).toEqual(["Compensation plans"]);

    await user.clear(screen.getByRole("combobox"));
    await user.keyboard("contacts");
    expect(visibleOptions()).toEqual(["Import contacts"]);
    expect(screen.getByText("Navigate")).not.toBeVisible();

    await user.clear(screen.getByRole("combobox"));
    await user.keyboard("xyzzy");
    expect(visibleOptions()).toEqual([]);
    expect(screen.getByText("No results.")).toBeInTheDocument();
  });

  it("runs the chosen item with Enter and closes", async () => {
    const onSelect = vi.fn();
    render(<Palette groups={makeGroups(onSelect)} />);
    const user = userEvent.setup();
    await user.keyboard("{Control>}k{/Control}");
    await user.keyboard("regions");
    await user.keyboard("{Enter}");
    expect(onSelect).toHaveBeenCalledWith("territories");
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});

describe("useCommandPaletteShortcut", () => {
  it("fires on Ctrl-K and ⌘-K only, and stops the browser's own shortcut", () => {
    const onTrigger = vi.fn();
    renderHook(() => useCommandPaletteShortcut(onTrigger));
    fireEvent.keyDown(window, { key: "k" });
    fireEvent.keyDown(window, { key: "k", ctrlKey: true, shiftKey: true });
    expect(onTrigger).not.toHaveBeenCalled();

    const ctrl = new KeyboardEvent("keydown", { key: "k", ctrlKey: true, cancelable: true });
    window.dispatchEvent(ctrl);
    expect(ctrl.defaultPrevented).toBe(true);
    fireEvent.keyDown(window, { key: "K", metaKey: true });
    expect(onTrigger).toHaveBeenCalledTimes(2);
  });

  it("does nothing when disabled", () => {
    const onTrigger = vi.fn();
    renderHook(() => useCommandPaletteShortcut(onTrigger, { enabled: false }));
    fireEvent.keyDown(window, { key: "k", ctrlKey: true });
    expect(onTrigger).not.toHaveBeenCalled();
  });
});
