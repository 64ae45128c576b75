import path from "node:path";
import { ROLES } from "@opsdeck/core";
import semver from "semver";
import { z } from "zod";

export const PLUGIN_ID = /^[a-z][a-z0-9-]*$/;
const SEGMENT = "[a-z][a-z0-9-]*";
const NAME = /^[a-z][a-zA-Z0-9-]*$/;

/** Plugin ids that would collide with the platform's own endpoints. */
export const RESERVED_PLUGIN_IDS = new Set(["core", "api", "auth", "plugins", "admin", "shared", "opsdeck"]);

/** `plugin_<id with dashes as underscores>`: the only schema a plugin may create objects in. */
export function pluginSchemaName(pluginId: string): string {
  return `plugin_${pluginId.replaceAll("-", "_")}`;
}

const fn = (what: string) => z.custom<(...args: never[]) => unknown>((v) => typeof v === "function", `${what} must be a function`);

const pluginId = z
  .string()
  .max(48, "Use at most 48 characters")
  .regex(PLUGIN_ID, "Use lower-case letters, digits and dashes, starting with a letter")
  .refine((id) => !RESERVED_PLUGIN_IDS.has(id), "This id is reserved");

const semverRange = z.string().refine((r) => semver.validRange(r) !== null, "Not a semver range");

const jsonValue = z.json();

const slotContribution = z.looseObject({ id: z.string().min(1) }).refine(
  (v) => jsonValue.safeParse(v).success,
  "A slot contribution must be plain JSON (no functions, dates or undefined)",
);

const cliOption = z.object({
  name: z.string().regex(NAME, "Use letters, digits and dashes"),
  description: z.string(),
  type: z.enum(["string", "boolean", "number"]),
  required: z.boolean().optional(),
  default: z.union([z.string(), z.boolean(), z.number()]).optional(),
});

/** The manifest part of a plugin definition, as the host validates it. */
export const manifestSchema = z
  .object({
    id: pluginId,
    name: z.string().trim().min(1).max(80),
    version: z.string().refine((v) => semver.valid(v) !== null, "Not a semver version (e.g. 1.2.0)"),
    description: z.string().max(500),
    engines: z.object({ opsdeck: semverRange }),
    requires: z.record(pluginId, semverRange).optional(),
    permissions: z.array(
      z.object({
        id: z.string(),
        description: z.string().trim().min(1),
        defaultRoles: z.array(z.enum(ROLES)),
      }),
    ),
    db: z
      .object({
        schema: z.string(),
        migrationsFolder: z.string().refine((p) => path.isAbsolute(p), "Use an absolute path (path.join(import.meta.dirname, …))"),
        tables: z.record(z.string(), z.unknown()).optional(),
      })
      .optional(),
    router: z.custom<object>(
      (v) => typeof v === "object" && v !== null && "_def" in v && (v as { _def: { router?: unknown } })._def.router === true,
      "router must be a tRPC router built with the SDK's `router`",
    ),
    settings: z
      .custom<z.ZodType>((v) => typeof (v as { safeParse?: unknown } | null)?.safeParse === "function", "settings must be a zod schema")
      .optional(),
    defaultEnabled: z.boolean().optional(),
    jobs: z.record(z.string().regex(NAME, "Use letters, digits and dashes"), z.object({ run: fn("run"), input: z.unknown().optional() })).optional(),
    events: z.record(z.string().regex(new RegExp(`^${SEGMENT}(\\.[a-z][a-z0-9_-]*)+$`), "Not an event type"), fn("An event handler")).optional(),
    slots: z.record(z.string().regex(new RegExp(`^${SEGMENT}(\\.${SEGMENT})+$`), "Use <plugin id>.<area>.<slot>"), z.array(slotContribution)).optional(),
    cli: z.array(z.object({ name: z.string().regex(NAME), description: z.string(), options: z.array(cliOption).optional(), run: fn("run") })).optional(),
    cliAliases: z
      .array(z.string().regex(PLUGIN_ID, "Use lower-case letters, digits and dashes, starting with a letter").refine((a) => !RESERVED_PLUGIN_IDS.has(a), "This word is reserved"))
      .optional(),
    seed: fn("seed").optional(),
    boot: fn("boot").optional(),
    recordValidators: fn("recordValidators").optional(),
    schedules: z.array(z.object({ job: z.string(), everyMinutes: z.number().int().min(1).max(525_600) })).optional(),
    downloads: z
      .record(
        z.string().regex(PLUGIN_ID, "Use lower-case letters, digits and dashes"),
        z.object({ permission: z.string(), query: z.custom<object>((v) => typeof (v as { parseAsync?: unknown } | null)?.parseAsync === "function", "query must be a zod schema"), prepare: fn("prepare") }),
      )
      .optional(),
  })
  .superRefine((m, ctx) => {
    const prefix = `${m.id}.`;
    const seen = new Set<string>();
    m.permissions.forEach((p, i) => {
      if (!new RegExp(`^${m.id}\\.${SEGMENT}\\.${SEGMENT}$`).test(p.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["permissions", i, "id"],
          message: `Permission "${p.id}" must be named "${prefix}<area>.<verb>"`,
        });
      }
      if (seen.has(p.id)) ctx.addIssue({ code: "custom", path: ["permissions", i, "id"], message: `Permission "${p.id}" is declared twice` });
      seen.add(p.id);
    });
    if (m.db && m.db.schema !== pluginSchemaName(m.id)) {
      ctx.addIssue({ code: "custom", path: ["db", "schema"], message: `The schema must be "${pluginSchemaName(m.id)}"` });
    }
    if (m.requires?.[m.id]) ctx.addIssue({ code: "custom", path: ["requires", m.id], message: "A plugin cannot require itself" });
    const commands = new Set<string>();
    m.cli?.forEach((c, i) => {
      if (commands.has(c.name)) ctx.addIssue({ code: "custom", path: ["cli", i, "name"], message: `Command "${c.name}" is declared twice` });
      commands.add(c.name);
    });
    m.schedules?.forEach((s, i) => {
      if (!m.jobs || !Object.hasOwn(m.jobs, s.job)) {
        ctx.addIssue({ code: "custom", path: ["schedules", i, "job"], message: `No job "${s.job}" is declared in jobs` });
      }
    });
    if (m.settings) {
      const defaults = m.settings.safeParse({});
      if (!defaults.success) {
        ctx.addIssue({ code: "custom", path: ["settings"], message: "Every setting needs a default: settings.parse({}) failed" });
      }
    }
  });

export type ValidManifest = z.output<typeof manifestSchema>;
