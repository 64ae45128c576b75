// `@opsdeck/plugin-sdk`: what a plugin's server part imports.
export { OpsdeckError, type ErrorCode, type ErrorIssue, type Role } from "@opsdeck/core";
export { definePlugin, defineDownload, defineJob, isPluginDefinition } from "./manifest/define-plugin.ts";
export { validatePlugin, type PluginValidation } from "./manifest/validate-plugin.ts";
export { manifestSchema, pluginSchemaName, PLUGIN_ID, RESERVED_PLUGIN_IDS } from "./manifest/manifest-schema.ts";
export type {
  AnyPluginDefinition,
  AnyPluginDownload,
  AnyPluginJob,
  BootContext,
  DownloadFile,
  CliArgs,
  CliIo,
  CliOption,
  InferSettings,
  PermissionDeclaration,
  PluginCommand,
  PluginDatabase,
  PluginDefinition,
  PluginDefinitionInput,
  PluginDownload,
  PluginEventHandler,
  PluginJob,
  PluginSchedule,
  ProgressReporter,
  SeedScale,
  SettingsSchema,
  SlotContribution,
} from "./manifest/types.ts";
export { procedure, router, mergeRouters, middleware, createCallerFactory } from "./trpc/procedures.ts";
export type { ProcedureAccess, ProcedureMeta } from "./trpc/meta.ts";
export { inspectRouter, type ProcedureInfo } from "./trpc/inspect-router.ts";
export { createErrorFormatter, TRPC_CODE_OF, type OpsdeckErrorData, type OpsdeckErrorShape } from "./trpc/errors.ts";
export {
  createInnerContext,
  createTaskContext,
  withTransaction,
  type InnerContextInput,
  type TaskContextInput,
} from "./context/create-context.ts";
export type {
  MemberContext,
  OrganizationInfo,
  PluginContext,
  PluginEvents,
  PluginJobs,
  SessionUser,
  SignedInContext,
  TaskContext,
} from "./context/types.ts";
export { pluginSettings } from "./settings.ts";
export { silentLogger, type Logger } from "./logger.ts";
export type { OutboxEvent } from "./runtime/interfaces.ts";
