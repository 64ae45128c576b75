export { startApp, type OpsdeckApp, type StartAppOptions } from "./app.ts";
export { runCli, buildProgram, type CommandFactory } from "./cli/program.ts";
export { readEnv, type Env } from "./env.ts";
export { OPSDECK_VERSION } from "./version.ts";
