import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { EmptyState } from "./empty-state.tsx";
import { ErrorCard } from "./error-card.tsx";
import { ErrorState } from "./error-state.tsx";
import { LoadingState } from "./loading-state.tsx";
import { StatusBadge, statusLook } from "./status-badge.tsx";

describe("StatusBadge", () => {
  it("maps job states and health to tones", () => {
    expect(statusLook("running")).toMatchObject({ tone: "info", live: true });
    expect(statusLook("FAILED")).toMatchObject({ tone: "danger", label: "Failed" });
    expect(statusLook("degraded").tone).toBe("warning");
    expect(statusLook("healthy").tone).toBe("success");
    expect(statusLook("waiting_for_approval")).toEqual({ tone: "neutral", label: "Waiting for approval" });
  });

  it("renders the label, or an override", () => {
    const { rerender } = render(<StatusBadge status="succeeded" />);
    expect(screen.getByText("Succeeded")).toBeInTheDocument();
    rerender(<StatusBadge status="failed" label="Failed · 3 retries" />);
    expect(screen.getByText("Failed · 3 retries")).toBeInTheDocument();
  });
});

describe("ErrorCard", () => {
  it("names the crashed plugin, retries and folds the details", async () => {
    const onRetry = vi.fn();
    render(<ErrorCard plugin="compensation" message="Boom." details="TypeError at PlanEditor" onRetry={onRetry} />);
    const card = screen.getByRole("alert");
    expect(card).toHaveTextContent("The compensation plugin stopped working");
    expect(card).toHaveTextContent("Boom. The rest of Opsdeck keeps running.");
    expect(screen.queryByText("TypeError at PlanEditor")).toBeNull();

    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Show details" }));
    expect(screen.getByText("TypeError at PlanEditor")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Retry" }));
    expect(onRetry).toHaveBeenCalledOnce();
  });
});

describe("States", () => {
  it("EmptyState shows its title, text and action", () => {
    render(<EmptyState title="No plans yet" text="Create one." action={<button type="button">New plan</button>} />);
    expect(screen.getByText("No plans yet")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "New plan" })).toBeInTheDocument();
  });

  it("LoadingState is a polite status", () => {
    render(<LoadingState label="Loading plans…" />);
    expect(screen.getByRole("status")).toHaveTextContent("Loading plans…");
  });

  it("ErrorState offers a retry only when given one", async () => {
    const onRetry = vi.fn();
    const { rerender } = render(<ErrorState message="Network error." />);
    expect(screen.queryByRole("button")).toBeNull();
    rerender(<ErrorState message="Network error." onRetry={onRetry} />);
    await userEvent.setup().click(screen.getByRole("button", { name: /Try again/ }));
    expect(onRetry).toHaveBeenCalledOnce();
  });
});
