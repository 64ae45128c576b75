export { BOSS_SCHEMA, type BossTuning } from "./boss.ts";
export { createJobRunner } from "./job-runner.ts";
export type { JobContext, JobHandler, JobRunner, JobRunnerOptions, JobTypeOptions, JobRunnerStopOptions } from "./job-types.ts";
export { createEventDispatcher } from "./event-dispatcher.ts";
export type {
  DrainResult,
  EventDispatcher,
  EventDispatcherOptions,
  EventHandler,
  EventRetryOptions,
  OutboxEvent,
} from "./event-types.ts";
