import type { Meta, StoryObj } from "@storybook/react-vite";
import { Building2, Plus, Trash2, UserRoundPen } from "lucide-react";
import { useState } from "react";
import { EmptyState } from "../feedback/empty-state.tsx";
import { toast, Toaster } from "../overlays/toaster.tsx";
import { Button } from "../primitives/button.tsx";
import { accountColumns } from "../story-helpers/account-columns.tsx";
import { useFakeServer } from "../story-helpers/fake-server.ts";
import { demoAccounts } from "../story-helpers/fixtures.ts";
import { DataTable } from "./data-table.tsx";
import { createDataTableState } from "./data-table-types.ts";

const ACCOUNTS = demoAccounts(1284);
const FIRST_TEN = ACCOUNTS.slice(0, 10);
const TEN_THOUSAND = demoAccounts(10_000, 3);

function ServerTable({ selectable = false, serverExport = false }: { selectable?: boolean; serverExport?: boolean }) {
  const [state, setState] = useState(() => createDataTableState({ sorting: [{ id: "arr", desc: true }] }));
  const { rows, total, loading } = useFakeServer(ACCOUNTS, state);
  return (
    <>
      <Toaster />
      <DataTable
        label="Accounts"
        columns={accountColumns}
        data={rows}
        getRowId={(row) => row.id}
        state={state}
        onStateChange={setState}
        totalCount={total}
        loading={loading}
        storageKey="stories.accounts"
        searchPlaceholder="Search accounts or owners…"
        actions={
          <Button variant="primary">
            <Plus /> New account
          </Button>
        }
        enableRowSelection={selectable}
        bulkActions={({ ids, clear }) => (
          <>
            <Button size="sm" onClick={() => toast(`Reassigning ${ids.length} accounts`)}>
              <UserRoundPen /> Reassign
            </Button>
            <Button
              size="sm"
              variant="destructive"
              onClick={() => {
                toast.success(`Deleted ${ids.length} accounts`);
                clear();
              }}
            >
              <Trash2 /> Delete
            </Button>
          </>
        )}
        onExport={
          serverExport
            ? async () => {
                await new Promise((resolve) => setTimeout(resolve, 1200));
                toast.success("Export started", { description: "You get an email when the CSV is ready." });
              }
            : undefined
        }
      />
    </>
  );
}

const meta = {
  title: "Data/DataTable",
  component: ServerTable,
  parameters: { layout: "padded" },
} satisfies Meta<typeof ServerTable>;
export default meta;

type Story = StoryObj<typeof meta>;

/** Sorting, search, filters and pages go through a (fake) server with 350 ms latency. */
export const ServerSide: Story = {};
export const WithSelection: Story = { args: { selectable: true } };
export const ServerExport: Story = { args: { serverExport: true } };

export const SelectionActive: Story = {
  render: () => {
    return (
      <DataTable
        label="Accounts"
        columns={accountColumns}
        data={FIRST_TEN}
        getRowId={(row) => row.id}
        totalCount={ACCOUNTS.length}
        enableRowSelection
        rowSelection={{ acc_00002: true, acc_00003: true, acc_00005: true }}
        bulkActions={() => (
          <>
            <Button size="sm">
              <UserRoundPen /> Reassign
            </Button>
            <Button size="sm" variant="destructive">
              <Trash2 /> Delete
            </Button>
          </>
        )}
      />
    );
  },
};

export const Loading: Story = {
  render: () => <DataTable label="Accounts" columns={accountColumns} data={[]} getRowId={(row) => row.id} loading />,
};

export const LoadFailed: Story = {
  render: () => (
    <DataTable
      label="Accounts"
      columns={accountColumns}
      data={[]}
      getRowId={(row) => row.id}
      error="The server took too long to answer (timeout after 30 s)."
      onRetry={() => {}}
    />
  ),
};

export const Empty: Story = {
  render: () => (
    <DataTable
      label="Accounts"
      columns={accountColumns}
      data={[]}
      getRowId={(row) => row.id}
      totalCount={0}
      emptyState={
        <EmptyState
          size="compact"
          icon={<Building2 />}
          title="No accounts yet"
          text="Import them from Salesforce or HubSpot, or add one by hand."
          action={<Button variant="primary">Import CSV</Button>}
        />
      }
    />
  ),
};

export const NoMatches: Story = {
  render: () => (
    <DataTable
      label="Accounts"
      columns={accountColumns}
      data={[]}
      getRowId={(row) => row.id}
      totalCount={0}
      state={createDataTableState({ globalFilter: "zzz" })}
    />
  ),
};

/** 10,000 rows in the browser, one scrolling list: only the rows in view are in the DOM. */
export const VirtualizedClientSide: Story = {
  render: () => {
    return (
      <DataTable
        label="All accounts"
        mode="client"
        paginated={false}
        columns={accountColumns}
        data={TEN_THOUSAND}
        getRowId={(row) => row.id}
        virtualize={{ height: 480 }}
        enableRowSelection
        storageKey="stories.accounts.virtual"
      />
    );
  },
};

export const Dark: Story = { args: { selectable: true }, globals: { theme: "dark" } };
