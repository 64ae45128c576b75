import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { StatTile } from "./stat-tile.tsx";

describe("StatTile", () => {
  it("shows the value and a green upward delta", () => {
    const { container } = render(
      <StatTile label="Bookings" value="$2,481,930.00" delta={{ value: 0.124, comparison: "vs last quarter" }} />,
    );
    expect(screen.getByText("$2,481,930.00")).toBeInTheDocument();
    expect(screen.getByText("vs last quarter")).toBeInTheDocument();
    const delta = container.querySelector("[data-tone]");
    expect(delta).toHaveAttribute("data-tone", "up-good");
    expect(delta).toHaveTextContent("up +12.4%");
  });

  it("paints a rise red when going up is bad", () => {
    const { container } = render(
      <StatTile label="Churn" value="$84,120.50" delta={{ value: 0.32, positiveIsGood: false, label: "+$20,400.00" }} />,
    );
    expect(container.querySelector("[data-tone]")).toHaveAttribute("data-tone", "up-bad");
    expect(screen.getByText("+$20,400.00")).toBeInTheDocument();
  });

  it("paints a fall red and no change grey", () => {
    const { container, rerender } = render(<StatTile label="Win rate" value="27%" delta={{ value: -0.02 }} />);
    expect(container.querySelector("[data-tone]")).toHaveAttribute("data-tone", "up-bad");
    expect(container.querySelector("[data-tone]")).toHaveTextContent("down");
    rerender(<StatTile label="Win rate" value="27%" delta={{ value: 0 }} />);
    expect(container.querySelector("[data-tone]")).toHaveAttribute("data-tone", "flat");
  });

  it("is a button for drill-down", async () => {
    const onClick = vi.fn();
    render(<StatTile label="Open deals" value="318" onClick={onClick} />);
    const user = userEvent.setup();
    screen.getByRole("button").focus();
    await user.keyboard("{Enter}");
    expect(onClick).toHaveBeenCalledOnce();
  });

  it("shows a skeleton while loading", () => {
    const { container } = render(<StatTile label="Pipeline" value="$8.2M" loading />);
    expect(screen.queryByText("$8.2M")).toBeNull();
    expect(screen.getByText("Loading Pipeline")).toBeInTheDocument();
    expect(container.firstChild).toHaveAttribute("aria-busy", "true");
  });

  it("draws a sparkline only with two or more points", () => {
    const { container, rerender } = render(<StatTile label="x" value="1" sparkline={[1]} />);
    expect(container.querySelector("svg polyline")).toBeNull();
    rerender(<StatTile label="x" value="1" sparkline={[1, 3, 2]} />);
    expect(container.querySelector("svg polyline")?.getAttribute("points")?.split(" ")).toHaveLength(3);
  });
});
