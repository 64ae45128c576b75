import { baseConfig } from "@opsdeck/eslint-config/base";

export default baseConfig;
