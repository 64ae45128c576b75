export { DEMO_PASSWORD, seedDemo, seedDemoOptionsSchema } from "./seed-demo.ts";
export type { SeedCounts, SeedDemoOptions, SeedDemoResult, SeedProgress, SeedStep } from "./seed-demo.ts";
export { SCALES, SEED_SCALES, type ScaleSpec, type SeedScale } from "./scales.ts";
export { ACCOUNT_DIRT, type AccountDirt } from "./account-dirt.ts";
export { PERSON_DIRT, type PersonDirt } from "./dirt.ts";
