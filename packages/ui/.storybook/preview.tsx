import type { Decorator, Preview } from "@storybook/react-vite";
import { useEffect } from "react";
import "../src/styles.css";
import { setThemePreference } from "../src/theme/theme-store.ts";

// The toolbar's theme switch goes through the same store as useTheme, so `.dark` on <html>, ThemeToggle
// and the Toaster all agree.
function ThemeFromToolbar({ theme }: { theme: "light" | "dark" }) {
  useEffect(() => {
    setThemePreference(theme);
  }, [theme]);
  return null;
}

const withTheme: Decorator = (Story, context) => (
  <>
    <ThemeFromToolbar theme={context.globals["theme"] === "dark" ? "dark" : "light"} />
    <Story />
  </>
);

const preview: Preview = {
  decorators: [withTheme],
  globalTypes: {
    theme: {
      description: "Colour theme",
      toolbar: {
        title: "Theme",
        icon: "mirror",
        items: [
          { value: "light", title: "Light", icon: "sun" },
          { value: "dark", title: "Dark", icon: "moon" },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: "light" },
  parameters: {
    layout: "padded",
    backgrounds: { disable: true },
    controls: { expanded: true },
    options: { storySort: { order: ["Foundations", "Layout", "Primitives", "Forms", "Feedback", "Overlays", "Data", "Charts"] } },
  },
};

export default preview;
