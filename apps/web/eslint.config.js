import { baseConfig } from "@opsdeck/eslint-config/base";
import reactHooks from "eslint-plugin-react-hooks";

export default [
  { ignores: ["dist/**", "test-results/**", "src/routeTree.gen.ts", "test/fixtures/plugins/*/dist/**"] },
  ...baseConfig,
  {
    // vite.config.ts & co. are in tsconfig.json: only this file is outside the TypeScript project.
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ["*.js"] } } },
  },
  {
    files: ["**/*.tsx", "**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      // TanStack Router's redirect() and notFound() are thrown on purpose; they are not Errors.
      "@typescript-eslint/only-throw-error": [
        "error",
        { allow: [{ from: "package", package: "@tanstack/router-core", name: ["Redirect", "NotFoundError"] }] },
      ],
    },
  },
  {
    // Build config and benchmark scripts read their knobs from the environment; the app never does.
    files: ["vite.config.ts", "bench/**"],
    rules: { "no-restricted-properties": "off" },
  },
];
