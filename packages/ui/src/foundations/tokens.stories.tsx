import type { Meta, StoryObj } from "@storybook/react-vite";

const GROUPS: { title: string; tokens: string[] }[] = [
  {
    title: "Surfaces & text",
    tokens: ["background", "foreground", "card", "popover", "muted", "muted-foreground", "subtle", "border", "input", "ring"],
  },
  { title: "Accent", tokens: ["primary", "primary-foreground", "secondary", "accent"] },
  { title: "Status", tokens: ["success", "warning", "destructive", "info"] },
  { title: "Sidebar", tokens: ["sidebar", "sidebar-foreground", "sidebar-border", "sidebar-accent"] },
  { title: "Charts", tokens: ["chart-1", "chart-2", "chart-3", "chart-4", "chart-5", "chart-6", "chart-7", "chart-8"] },
];

function Tokens() {
  return (
    <div className="flex max-w-5xl flex-col gap-6">
      {GROUPS.map((group) => (
        <section key={group.title} className="flex flex-col gap-2">
          <h2 className="text-sm font-semibold">{group.title}</h2>
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-5">
            {group.tokens.map((token) => (
              <div key={token} className="flex items-center gap-2 rounded-md border border-border p-2">
                <span
                  className="size-8 shrink-0 rounded-md border border-border"
                  style={{ background: `var(--color-${token})` }}
                />
                <code className="truncate font-mono text-xs text-muted-foreground">--color-{token}</code>
              </div>
            ))}
          </div>
        </section>
      ))}
      <section className="flex flex-col gap-2">
        <h2 className="text-sm font-semibold">Type scale (14px base)</h2>
        <p className="text-xl font-semibold tracking-tight">Page title · text-xl semibold</p>
        <p className="text-base font-semibold">Dialog title · text-base semibold</p>
        <p className="text-sm">Body · text-sm (the default)</p>
        <p className="text-xs text-muted-foreground">Secondary · text-xs muted</p>
        <p className="text-2xl font-semibold tabular-nums">$2,481,930.00 · tabular numbers</p>
      </section>
    </div>
  );
}

const meta = { title: "Foundations/Tokens", component: Tokens } satisfies Meta<typeof Tokens>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Light: Story = {};
export const Dark: Story = { globals: { theme: "dark" } };
