import { baseConfig } from "@opsdeck/eslint-config/base";
import reactHooks from "eslint-plugin-react-hooks";

export default [
  { ignores: ["storybook-static/**", "screenshots/**"] },
  ...baseConfig,
  {
    files: ["**/*.tsx", "**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
];
