import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { RuleTester } from "eslint";
import { afterAll, describe, it } from "vitest";
import { noCrossPluginImport } from "./rules.js";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "opsdeck-eslint-"));
for (const folder of ["territories", "compensation"]) {
  fs.mkdirSync(path.join(root, "plugins", folder, "src"), { recursive: true });
  fs.writeFileSync(
    path.join(root, "plugins", folder, "package.json"),
    JSON.stringify({ name: `@opsdeck/plugin-${folder}` }),
  );
}
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2024, sourceType: "module" } });
const inPlugin = path.join(root, "plugins", "compensation", "src", "quota.ts");
const outside = path.join(root, "apps", "server", "src", "host.ts");

tester.run("no-cross-plugin-import", noCrossPluginImport, {
  valid: [
    { filename: inPlugin, code: `import { x } from "@opsdeck/plugin-territories/common";` },
    { filename: inPlugin, code: `import { y } from "@opsdeck/plugin-compensation/server";` },
    { filename: inPlugin, code: `import { z } from "./calc.ts";` },
    { filename: inPlugin, code: `import { sdk } from "@opsdeck/plugin-sdk";` },
    { filename: outside, code: `import plugin from "@opsdeck/plugin-territories/server";` },
  ],
  invalid: [
    {
      filename: inPlugin,
      code: `import { assign } from "@opsdeck/plugin-territories/server";`,
      errors: [{ messageId: "crossPlugin" }],
    },
    {
      filename: inPlugin,
      code: `import { t } from "@opsdeck/plugin-territories";`,
      errors: [{ messageId: "crossPlugin" }],
    },
    {
      filename: inPlugin,
      code: `import { t } from "../../territories/src/assign.ts";`,
      errors: [{ messageId: "crossPlugin" }],
    },
    {
      filename: inPlugin,
      code: `const m = await import("@opsdeck/plugin-territories/web");`,
      errors: [{ messageId: "crossPlugin" }],
    },
  ],
});
