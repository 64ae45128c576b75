import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { BarChart } from "./bar-chart.tsx";
import { FunnelChart } from "./funnel-chart.tsx";
import { LineChart } from "./line-chart.tsx";
import { PieChart } from "./pie-chart.tsx";

const series = [{ key: "revenue", label: "Revenue" }];

describe("charts", () => {
  it("show an empty state when nothing can be plotted", () => {
    render(<LineChart label="Revenue" data={[{ month: "Jan", revenue: null }]} xKey="month" series={series} />);
    expect(screen.getByText("No data")).toBeInTheDocument();
    expect(screen.queryByRole("img", { name: "Revenue" })).toBeNull();
  });

  it("show a loading placeholder", () => {
    render(<BarChart label="Bookings" data={[]} xKey="month" series={series} loading />);
    expect(screen.getByRole("status", { name: "Loading Bookings" })).toBeInTheDocument();
  });

  it("label the chart and list its series in the legend", () => {
    render(
      <BarChart
        label="Bookings"
        data={[{ month: "Jan", a: "10.00", b: "5.50" }]}
        xKey="month"
        series={[
          { key: "a", label: "New business" },
          { key: "b", label: "Expansion" },
        ]}
        animate={false}
      />,
    );
    expect(screen.getByRole("img", { name: "Bookings" })).toBeInTheDocument();
    expect(screen.getByText("New business")).toBeInTheDocument();
    expect(screen.getByText("Expansion")).toBeInTheDocument();
  });

  it("pie legend shows preformatted money labels as given", () => {
    render(
      <PieChart
        label="By region"
        data={[
          { name: "EMEA", value: "987400.25", label: "$987,400.25" },
          { name: "APAC", value: "402100.00", label: "$402,100.00" },
        ]}
        animate={false}
      />,
    );
    expect(screen.getByText("$987,400.25")).toBeInTheDocument();
  });

  it("funnel lists each stage with its conversion from the previous one", () => {
    render(
      <FunnelChart
        label="Lead funnel"
        data={[
          { name: "Leads", value: 1000 },
          { name: "Qualified", value: 400 },
          { name: "Won", value: 50 },
        ]}
        animate={false}
      />,
    );
    const rows = screen.getAllByRole("row").slice(1).map((row) => row.textContent);
    expect(rows).toEqual(["Leads1,000—", "Qualified40040%", "Won5012.5%"]);
  });
});
