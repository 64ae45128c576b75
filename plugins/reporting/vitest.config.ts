import { opsdeckVitestConfig } from "@opsdeck/vitest-config";

export default opsdeckVitestConfig({ databases: true });
