import { createColumnHelper } from "@tanstack/react-table";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { DataTable } from "./data-table.tsx";
import type { DataTableProps } from "./data-table-props.ts";
import { createDataTableState, type DataTableState } from "./data-table-types.ts";
import { columnVisibilityKey } from "./use-column-visibility.ts";

interface Deal {
  id: string;
  name: string;
  owner: string;
  amount: string;
}

const column = createColumnHelper<Deal>();
const columns = [
  column.accessor("name", { header: "Deal" }),
  column.accessor("owner", {
    header: "Owner",
    meta: {
      filter: ({ value, onChange, label }) => (
        <button type="button" onClick={() => onChange(value === "Ava" ? undefined : "Ava")}>
          {`${label} filter: ${typeof value === "string" ? value : "any"}`}
        </button>
      ),
    },
  }),
  column.accessor("amount", { header: "Amount", meta: { align: "right" } }),
  column.display({ id: "actions", header: "", cell: () => "…", meta: { exportable: false }, enableHiding: false }),
];

const deals = (count: number, from = 0): Deal[] =>
  Array.from({ length: count }, (_, index) => ({
    id: `d${from + index + 1}`,
    name: `Deal ${from + index + 1}`,
    owner: index % 2 ? "Liam" : "Ava",
    amount: `${(from + index + 1) * 100}.50`,
  }));

function renderTable(overrides: Partial<DataTableProps<Deal>> = {}) {
  const onStateChange = vi.fn<(state: DataTableState) => void>();
  const props: DataTableProps<Deal> = {
    label: "Deals",
    columns,
    data: deals(3),
    getRowId: (row) => row.id,
    state: createDataTableState({ pagination: { pageIndex: 0, pageSize: 3 } }),
    onStateChange,
    totalCount: 8,
    searchDebounceMs: 0,
    ...overrides,
  };
  const view = render(<DataTable {...props} />);
  return { ...view, onStateChange, user: userEvent.setup() };
}

const bodyRows = () => within(screen.getByRole("table", { name: "Deals" })).getAllByRole("row").slice(1);

describe("DataTable server-side state", () => {
  it("asks for a sort when a header is clicked, and back to page one", async () => {
    const { user, onStateChange } = renderTable({
      state: createDataTableState({ pagination: { pageIndex: 2, pageSize: 3 } }),
    });
    await user.click(screen.getByRole("button", { name: "Deal" }));
    expect(onStateChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ sorting: [{ id: "name", desc: false }], pagination: { pageIndex: 0, pageSize: 3 } }),
    );
  });

  it("sorts from the keyboard and shows the sort in aria-sort", async () => {
    const { user, onStateChange, rerender } = renderTable();
    const header = screen.getByRole("button", { name: "Amount" });
    header.focus();
    await user.keyboard("{Enter}");
    expect(onStateChange).toHaveBeenLastCalledWith(expect.objectContaining({ sorting: [{ id: "amount", desc: false }] }));

    rerender(
      <DataTable
        label="Deals"
        columns={columns}
        data={deals(3)}
        getRowId={(row) => row.id}
        state={createDataTableState({ sorting: [{ id: "amount", desc: true }] })}
        onStateChange={onStateChange}
      />,
    );
    expect(screen.getByRole("columnheader", { name: /Amount/ })).toHaveAttribute("aria-sort", "descending");
    expect(screen.getByRole("columnheader", { name: /Deal/ })).toHaveAttribute("aria-sort", "none");
  });

  it("pages with the total count from the server", async () => {
    const { user, onStateChange } = renderTable();
    expect(screen.getByText("1–3 of 8")).toBeInTheDocument();
    expect(screen.getByText("Page 1 of 3")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Previous page" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Next page" }));
    expect(onStateChange).toHaveBeenLastCalledWith(expect.objectContaining({ pagination: { pageIndex: 1, pageSize: 3 } }));
    await user.click(screen.getByRole("button", { name: "Last page" }));
    expect(onStateChange).toHaveBeenLastCalledWith(expect.objectContaining({ pagination: { pageIndex: 2, pageSize: 3 } }));
  });

  it("disables next on the last page", () => {
    renderTable({ state: createDataTableState({ pagination: { pageIndex: 2, pageSize: 3 } }), data: deals(2, 6) });
    expect(screen.getByText("7–8 of 8")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Next page" })).toBeDisabled();
  });

  it("sends the search text and resets the page", async () => {
    const { user, onStateChange } = renderTable({
      state: createDataTableState({ pagination: { pageIndex: 1, pageSize: 3 } }),
    });
    await user.type(screen.getByRole("searchbox"), "acme");
    await vi.waitFor(() =>
      expect(onStateChange).toHaveBeenLastCalledWith(
        expect.objectContaining({ globalFilter: "acme", pagination: { pageIndex: 0, pageSize: 3 } }),
      ),
    );
  });

  it("binds a column's filter slot to columnFilters", async () => {
    const { user, onStateChange } = renderTable();
    await user.click(screen.getByRole("button", { name: "Owner filter: any" }));
    expect(onStateChange).toHaveBeenLastCalledWith(expect.objectContaining({ columnFilters: [{ id: "owner", value: "Ava" }] }));
  });
});

describe("DataTable selection", () => {
  it("shows the bulk bar with the selected rows and clears it", async () => {
    const bulk = vi.fn(() => <button type="button">Reassign</button>);
    const { user } = renderTable({ enableRowSelection: true, bulkActions: bulk });
    expect(screen.queryByRole("region", { name: "Bulk actions" })).toBeNull();

    const rowBoxes = screen.getAllByRole("checkbox", { name: "Select row" });
    await user.click(rowBoxes[1] as HTMLElement);
    const bar = screen.getByRole("region", { name: "Bulk actions" });
    expect(within(bar).getByText("1 selected")).toBeInTheDocument();
    expect(bulk).toHaveBeenLastCalledWith(expect.objectContaining({ ids: ["d2"], rows: [deals(3)[1]] }));

    await user.click(screen.getByRole("checkbox", { name: "Select all rows on this page" }));
    expect(within(bar).getByText("3 selected")).toBeInTheDocument();

    await user.click(within(bar).getByRole("button", { name: "Clear selection" }));
    expect(screen.queryByRole("region", { name: "Bulk actions" })).toBeNull();
  });

  it("keeps rows selected on another server page", async () => {
    function Paged() {
      const [state, setState] = useState(createDataTableState({ pagination: { pageIndex: 0, pageSize: 3 } }));
      const all = deals(6);
      const page = all.slice(state.pagination.pageIndex * 3, state.pagination.pageIndex * 3 + 3);
      return (
        <DataTable
          label="Deals"
          columns={columns}
          data={page}
          getRowId={(row) => row.id}
          state={state}
          onStateChange={setState}
          totalCount={6}
          enableRowSelection
          bulkActions={({ rows }) => <span>picked {rows.map((row) => row.id).join(",")}</span>}
        />
      );
    }
    render(<Paged />);
    const user = userEvent.setup();
    await user.click(screen.getAllByRole("checkbox", { name: "Select row" })[0] as HTMLElement);
    await user.click(screen.getByRole("button", { name: "Next page" }));
    await user.click(screen.getAllByRole("checkbox", { name: "Select row" })[2] as HTMLElement);
    expect(screen.getByText("2 selected")).toBeInTheDocument();
    expect(screen.getByText("picked d1,d6")).toBeInTheDocument();
  });
});

describe("DataTable columns and export", () => {
  it("hides a column from the chooser and remembers it under the storage key", async () => {
    const { user, unmount } = renderTable({ storageKey: "deals" });
    await user.click(screen.getByRole("button", { name: /Columns/ }));
    await user.click(await screen.findByRole("menuitemcheckbox", { name: "Owner" }));
    expect(screen.queryByRole("columnheader", { name: /Owner/ })).toBeNull();
    expect(JSON.parse(window.localStorage.getItem(columnVisibilityKey("deals")) ?? "{}")).toEqual({ owner: false });
    unmount();

    renderTable({ storageKey: "deals" });
    expect(screen.queryByRole("columnheader", { name: /Owner/ })).toBeNull();
    expect(screen.getByRole("columnheader", { name: /Amount/ })).toBeInTheDocument();
  });

  it("exports the visible rows as escaped CSV without a server export", async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return "blob:test";
    });
    vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    const { user } = renderTable({
      data: [{ id: "x", name: 'Acme, "Big" deal', owner: "=cmd", amount: "-12.50" }],
      totalCount: 1,
    });
    await user.click(screen.getByRole("button", { name: "Export CSV" }));
    expect(click).toHaveBeenCalledOnce();
    const bytes = new Uint8Array(await (blobs[0] as Blob).arrayBuffer());
    // A UTF-8 byte order mark first, so Excel reads accents right.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe('Deal,Owner,Amount\r\n"Acme, ""Big"" deal",\'=cmd,-12.50\r\n');
  });

  it("hands the export to the server when onExport is given", async () => {
    const onExport = vi.fn(async () => {});
    const { user } = renderTable({ onExport, storageKey: "deals-export" });
    await user.click(screen.getByRole("button", { name: "Export CSV" }));
    expect(onExport).toHaveBeenCalledWith({
      state: expect.objectContaining({ globalFilter: "" }) as DataTableState,
      visibleColumnIds: ["name", "owner", "amount", "actions"],
      selectedIds: [],
    });
  });
});

describe("DataTable states", () => {
  it("shows skeleton rows while the first page loads", () => {
    renderTable({ data: [], loading: true });
    expect(screen.getByRole("table", { name: "Deals" })).toHaveAttribute("aria-busy", "true");
    expect(bodyRows()).toHaveLength(3);
    expect(screen.queryByText("Deal 1")).toBeNull();
  });

  it("shows the error with a retry", async () => {
    const onRetry = vi.fn();
    const { user } = renderTable({ data: [], error: { message: "Timed out" }, onRetry });
    expect(screen.getByRole("alert")).toHaveTextContent("Timed out");
    await user.click(screen.getByRole("button", { name: /Try again/ }));
    expect(onRetry).toHaveBeenCalledOnce();
    expect(screen.queryByRole("navigation", { name: "Pagination" })).toBeNull();
  });

  it("shows the empty state, or a way out of the filters when they match nothing", async () => {
    const { unmount } = renderTable({ data: [], totalCount: 0, emptyState: <p>No deals yet</p> });
    expect(screen.getByText("No deals yet")).toBeInTheDocument();
    unmount();

    const { user, onStateChange } = renderTable({
      data: [],
      totalCount: 0,
      state: createDataTableState({ globalFilter: "zzz", columnFilters: [{ id: "owner", value: "Ava" }] }),
    });
    expect(screen.getByText("No matching rows")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    expect(onStateChange).toHaveBeenLastCalledWith(expect.objectContaining({ globalFilter: "", columnFilters: [] }));
  });
});

describe("DataTable client mode", () => {
  it("sorts and pages in the browser", async () => {
    render(
      <DataTable
        label="Deals"
        mode="client"
        columns={columns}
        data={deals(30)}
        getRowId={(row) => row.id}
        searchDebounceMs={0}
      />,
    );
    const user = userEvent.setup();
    expect(screen.getByText("1–25 of 30")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Deal" }));
    await user.click(screen.getByRole("button", { name: "Deal" }));
    // Descending, in natural order (30 after 9), over all rows and not only the page shown.
    expect(within(bodyRows()[0] as HTMLElement).getByText("Deal 30")).toBeInTheDocument();
    expect(within(bodyRows()[1] as HTMLElement).getByText("Deal 29")).toBeInTheDocument();
  });

  it("renders only the rows in view of a long virtualized list", () => {
    render(
      <DataTable
        label="Deals"
        mode="client"
        paginated={false}
        columns={columns}
        data={deals(5000)}
        getRowId={(row) => row.id}
        virtualize={{ height: 400, rowHeight: 40, overscan: 5 }}
      />,
    );
    const rendered = bodyRows().filter((row) => row.getAttribute("aria-hidden") !== "true");
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(30);
    expect(screen.getByRole("table", { name: "Deals" })).toHaveAttribute("aria-rowcount", "5001");
    expect(screen.getByText("5,000 rows")).toBeInTheDocument();
  });
});
