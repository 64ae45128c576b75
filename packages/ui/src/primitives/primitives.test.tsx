import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Bell } from "lucide-react";
import { describe, expect, it, vi } from "vitest";
import { Button } from "./button.tsx";
import { IconButton } from "./icon-button.tsx";
import { Progress } from "./progress.tsx";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "./tabs.tsx";

describe("Button", () => {
  it("is disabled and busy while loading", async () => {
    const onClick = vi.fn();
    render(
      <Button loading onClick={onClick}>
        Save
      </Button>,
    );
    const button = screen.getByRole("button", { name: "Save" });
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute("aria-busy", "true");
    expect(button).toHaveAttribute("type", "button");
    await userEvent.setup().click(button);
    expect(onClick).not.toHaveBeenCalled();
  });

  it("renders a link with the button look", () => {
    render(
      <Button asChild variant="primary">
        <a href="/plans">Plans</a>
      </Button>,
    );
    expect(screen.getByRole("link", { name: "Plans" })).toHaveClass("bg-primary");
  });
});

describe("IconButton", () => {
  it("takes its accessible name from the label", () => {
    render(<IconButton label="Notifications" icon={<Bell />} />);
    expect(screen.getByRole("button", { name: "Notifications" })).toBeInTheDocument();
  });
});

describe("Progress", () => {
  it("reports a determinate value and clamps it", () => {
    const { rerender } = render(<Progress value={42} label="Import" />);
    expect(screen.getByRole("progressbar", { name: "Import" })).toHaveAttribute("aria-valuenow", "42");
    rerender(<Progress value={140} label="Import" />);
    expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  });

  it("is indeterminate without a value", () => {
    render(<Progress label="Queued" />);
    const bar = screen.getByRole("progressbar", { name: "Queued" });
    expect(bar).not.toHaveAttribute("aria-valuenow");
    expect(bar).toHaveAttribute("data-state", "indeterminate");
  });
});

describe("Tabs", () => {
  it("switches panels with the arrow keys", async () => {
    render(
      <Tabs defaultValue="a">
        <TabsList>
          <TabsTrigger value="a">Overview</TabsTrigger>
          <TabsTrigger value="b">Deals</TabsTrigger>
        </TabsList>
        <TabsContent value="a">overview panel</TabsContent>
        <TabsContent value="b">deals panel</TabsContent>
      </Tabs>,
    );
    const user = userEvent.setup();
    screen.getByRole("tab", { name: "Overview" }).focus();
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("tab", { name: "Deals" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tabpanel")).toHaveTextContent("deals panel");
  });
});
