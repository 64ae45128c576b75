import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { Pagination } from "./pagination.tsx";

describe("Pagination", () => {
  it("shows the range and moves between pages", async () => {
    const onPageChange = vi.fn();
    render(<Pagination pageIndex={1} pageSize={25} totalCount={1284} onPageChange={onPageChange} />);
    expect(screen.getByText("26–50 of 1,284")).toBeInTheDocument();
    expect(screen.getByText("Page 2 of 52")).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Previous page" }));
    await user.click(screen.getByRole("button", { name: "Last page" }));
    expect(onPageChange.mock.calls).toEqual([[0], [51]]);
  });

  it("handles an empty list", () => {
    render(<Pagination pageIndex={0} pageSize={25} totalCount={0} onPageChange={() => {}} />);
    expect(screen.getByText("0–0 of 0")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Next page" })).toBeDisabled();
  });

  it("pages without a total using hasNextPage", () => {
    render(<Pagination pageIndex={2} pageSize={10} hasNextPage={false} onPageChange={() => {}} />);
    expect(screen.getByText("Rows 21–30")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Next page" })).toBeDisabled();
    expect(screen.queryByRole("button", { name: "Last page" })).toBeNull();
  });
});
