import type { Meta, StoryObj } from "@storybook/react-vite";
import { DollarSign } from "lucide-react";
import { StatTile } from "./stat-tile.tsx";

const meta = {
  title: "Data/StatTile",
  component: StatTile,
  args: { label: "Bookings", value: "$2,481,930.00", delta: { value: 0.124, comparison: "vs last quarter" } },
} satisfies Meta<typeof StatTile>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Default: Story = { args: { className: "max-w-64" } };

const SPARK = [12, 14, 13, 17, 16, 19, 22, 21, 24, 27, 26, 30];

export const Grid: Story = {
  render: () => (
    <div className="grid max-w-5xl grid-cols-2 gap-3 lg:grid-cols-4">
      <StatTile label="Bookings" value="$2,481,930.00" delta={{ value: 0.124, comparison: "vs last quarter" }} sparkline={SPARK} />
      <StatTile
        label="Win rate"
        value="27.4%"
        delta={{ value: -0.018, label: "-1.8 pts", comparison: "vs last quarter" }}
        sparkline={[31, 30, 29, 30, 28, 29, 27, 28, 27]}
      />
      <StatTile
        label="Churned ARR"
        value="$84,120.50"
        delta={{ value: 0.32, comparison: "vs last quarter", positiveIsGood: false }}
        icon={<DollarSign />}
      />
      <StatTile label="Open deals" value="318" delta={{ value: 0, comparison: "vs last quarter" }} onClick={() => {}} />
      <StatTile label="Pipeline coverage" value="3.4×" onClick={() => {}} sparkline={[2.1, 2.4, 2.8, 3.0, 3.1, 3.4]} />
      <StatTile label="Quota attainment" value="—" />
      <StatTile label="Loading" value="" loading />
      <StatTile label="Loading" value="" loading />
    </div>
  ),
};

export const Loading: Story = { args: { loading: true, className: "max-w-64" } };
export const Clickable: Story = { args: { onClick: () => {}, className: "max-w-64" } };
export const Dark: Story = { ...Grid, globals: { theme: "dark" } };
