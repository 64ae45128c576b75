import { baseConfig } from "./src/base.js";

export default baseConfig;
