import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { AppShell } from "./app-shell.tsx";
import { LinkProvider, type LinkComponentProps } from "./link-context.tsx";
import { PageHeader } from "./page-header.tsx";
import { Sidebar, type SidebarNavGroup } from "./sidebar.tsx";

const GROUPS: SidebarNavGroup[] = [
  { items: [{ id: "home", label: "Dashboard", href: "/" }] },
  { label: "Plugins", items: [{ id: "territories", label: "Territories", href: "/territories", badge: 3 }] },
];

describe("Sidebar", () => {
  it("marks the active page and labels its groups", () => {
    render(<Sidebar groups={GROUPS} activeId="territories" />);
    const nav = screen.getByRole("navigation", { name: "Main navigation" });
    expect(within(nav).getByRole("link", { name: /Territories/ })).toHaveAttribute("aria-current", "page");
    expect(within(nav).getByRole("link", { name: "Dashboard" })).not.toHaveAttribute("aria-current");
    expect(within(nav).getByText("Plugins")).toBeInTheDocument();
  });

  it("renders links through the app's router link", () => {
    function RouterLink({ href, children, ...props }: LinkComponentProps) {
      return (
        <a data-router="yes" href={`#${href}`} {...props}>
          {children}
        </a>
      );
    }
    render(
      <LinkProvider component={RouterLink}>
        <Sidebar groups={GROUPS} />
      </LinkProvider>,
    );
    expect(screen.getByRole("link", { name: "Dashboard" })).toHaveAttribute("data-router", "yes");
  });
});

describe("PageHeader", () => {
  it("renders an h1, breadcrumbs with the current page, and actions", () => {
    render(
      <PageHeader
        title="FY25 AE plan"
        description="Applies to 42 reps."
        breadcrumbs={[{ label: "Compensation", href: "/compensation" }, { label: "FY25 AE plan" }]}
        actions={<button type="button">Duplicate</button>}
      />,
    );
    expect(screen.getByRole("heading", { level: 1, name: "FY25 AE plan" })).toBeInTheDocument();
    const crumbs = screen.getByRole("navigation", { name: "Breadcrumb" });
    expect(within(crumbs).getByRole("link", { name: "Compensation" })).toHaveAttribute("href", "/compensation");
    expect(within(crumbs).getByText("FY25 AE plan")).toHaveAttribute("aria-current", "page");
    expect(screen.getByRole("button", { name: "Duplicate" })).toBeInTheDocument();
  });
});

describe("AppShell", () => {
  it("opens the navigation drawer on narrow screens and closes it after navigating", async () => {
    render(
      <AppShell sidebar={<Sidebar groups={GROUPS} />} topbar={<header>top</header>}>
        <p>page</p>
      </AppShell>,
    );
    const user = userEvent.setup();
    expect(screen.getByRole("main")).toHaveTextContent("page");
    await user.click(screen.getByRole("button", { name: "Open navigation" }));
    const drawer = screen.getByRole("dialog", { name: "Navigation" });
    await user.click(within(drawer).getByRole("link", { name: "Dashboard" }));
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});
