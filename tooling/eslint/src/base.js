// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { opsdeckPlugin } from "./rules.js";

/** The shared ESLint config: type-aware TypeScript rules plus Opsdeck's own boundaries. */
export const baseConfig = tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "**/test-results/**", "**/.turbo/**", "**/drizzle/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ["*.js"] } },
    },
    plugins: { opsdeck: opsdeckPlugin },
    rules: {
      "opsdeck/no-cross-plugin-import": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read the environment once, in the app's env.ts." },
      ],
    },
  },
  {
    files: ["**/*.js"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ["**/env.ts", "**/*.test.ts", "**/vitest.config.ts", "**/testing.ts", "**/test/**", "**/bench/**"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // Tests and benches read JSON bodies and fixtures whose shape the assertions themselves check.
    files: ["**/*.test.ts", "**/*.test.tsx", "**/test/**", "**/bench/**"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
);
