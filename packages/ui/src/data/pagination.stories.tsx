import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { Pagination } from "./pagination.tsx";

const meta = {
  title: "Data/Pagination",
  component: Pagination,
  args: { pageIndex: 0, pageSize: 25, totalCount: 1284, onPageChange: () => {} },
} satisfies Meta<typeof Pagination>;
export default meta;

type Story = StoryObj<typeof meta>;

function InteractivePagination() {
  const [pageIndex, setPageIndex] = useState(3);
  const [pageSize, setPageSize] = useState(25);
  return (
    <Pagination
      totalCount={1284}
      pageIndex={pageIndex}
      pageSize={pageSize}
      onPageChange={setPageIndex}
      onPageSizeChange={(size) => {
        setPageSize(size);
        setPageIndex(0);
      }}
    />
  );
}

export const Interactive: Story = { render: () => <InteractivePagination /> };

export const Empty: Story = { args: { totalCount: 0 } };
export const UnknownTotal: Story = { args: { totalCount: undefined, hasNextPage: true, pageIndex: 2 } };
export const Dark: Story = { ...Interactive, globals: { theme: "dark" } };
