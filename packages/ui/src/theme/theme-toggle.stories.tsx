import type { Meta, StoryObj } from "@storybook/react-vite";
import { ThemeToggle } from "./theme-toggle.tsx";
import { useTheme } from "./use-theme.ts";

function Demo() {
  const { theme, resolvedTheme } = useTheme();
  return (
    <div className="flex items-center gap-3 text-sm">
      <ThemeToggle />
      <span className="text-muted-foreground">
        Preference: <strong className="text-foreground">{theme}</strong> · showing{" "}
        <strong className="text-foreground">{resolvedTheme}</strong>
      </span>
    </div>
  );
}

const meta = { title: "Foundations/ThemeToggle", component: Demo } satisfies Meta<typeof Demo>;
export default meta;

type Story = StoryObj<typeof meta>;

/** Choosing a theme here overrides the toolbar's until the toolbar is changed again. */
export const Default: Story = {};
