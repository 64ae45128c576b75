import { baseConfig } from "@opsdeck/eslint-config/base";
import reactHooks from "eslint-plugin-react-hooks";

export default [
  { ignores: ["dist/**", "test-results/**"] },
  ...baseConfig,
  {
    files: ["**/*.tsx", "**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    // Benchmark scripts read their knobs from the environment; the plugin never does.
    files: ["bench/**", "vite.config.ts"],
    rules: { "no-restricted-properties": "off" },
  },
];
