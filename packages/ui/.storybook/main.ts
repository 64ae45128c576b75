import tailwindcss from "@tailwindcss/vite";
import { defineMain } from "@storybook/react-vite/node";

export default defineMain({
  framework: { name: "@storybook/react-vite", options: { strictMode: true } },
  stories: ["../src/**/*.stories.tsx"],
  addons: [],
  core: { disableTelemetry: true, enableCrashReports: false, disableWhatsNewNotifications: true },
  // react-docgen walks every component's types: slow on 2 cores and unused without the docs addon.
  typescript: { reactDocgen: false },
  viteFinal(config) {
    config.plugins = [...(config.plugins ?? []), tailwindcss()];
    config.build = {
      ...config.build,
      chunkSizeWarningLimit: 4096,
      rolldownOptions: {
        ...config.build?.rolldownOptions,
        // Radix, cmdk and lucide start with "use client" (for React Server Components): meaningless in a browser bundle.
        onwarn(warning, warn) {
          if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
          warn(warning);
        },
      },
    };
    return config;
  },
});
