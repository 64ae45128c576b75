import { Command, Option } from "commander";
import { seedDemo, type SeedDemoResult } from "@opsdeck/core";
import type { OpenedDatabase } from "@opsdeck/db";
import { printJson, progressPrinter } from "../io.ts";
import type { Platform } from "../../platform.ts";
import type { CliRuntime } from "../runtime.ts";

const SCALES = ["small", "medium", "large"] as const;
type Scale = (typeof SCALES)[number];

/** Seeds the demo organization, reporting progress on stderr. */
export async function seedDemoOrganization(
  rt: CliRuntime,
  opened: OpenedDatabase,
  options: { scale: Scale; slug: string; asOf?: string | undefined },
): Promise<SeedDemoResult> {
  const printers = new Map<string, ReturnType<typeof progressPrinter>>();
  return seedDemo(opened, {
    scale: options.scale,
    slug: options.slug,
    ...(options.asOf ? { asOf: options.asOf } : {}),
    onProgress: ({ step, done, total }) => {
      if (!printers.has(step)) printers.set(step, progressPrinter(rt.io, `seed ${step}`));
      printers.get(step)!(done, total);
    },
  });
}

/** Runs the demo seed of every healthy plugin enabled in the organization; returns their ids. */
export async function seedPluginData(rt: CliRuntime, platform: Platform, organizationId: string, scale: Scale): Promise<string[]> {
  rt.io.err("seed plugins…\n");
  return platform.host.seed(organizationId, { scale });
}

export function seedCommand(rt: CliRuntime): Command {
  return new Command("seed")
    .description("build a deterministic, realistic demo organization")
    .addOption(new Option("--scale <scale>", "how much data").choices(SCALES).default("small"))
    .option("--org <slug>", "slug of the organization to create", "acme")
    .option("--as-of <date>", "the day the demo data is relative to (YYYY-MM-DD, default today)")
    .option("--json", "print JSON")
    .action(async (o: { scale: Scale; org: string; asOf?: string; json?: boolean }) => {
      const opened = await rt.database();
      const started = performance.now();
      const result = await seedDemoOrganization(rt, opened, { scale: o.scale, slug: o.org, asOf: o.asOf });
      // Then each enabled plugin's demo data, derived from the records just seeded.
      const plugins = await seedPluginData(rt, await rt.platform(), result.organizationId, o.scale);
      const seconds = (performance.now() - started) / 1000;
      if (o.json) return printJson(rt.io, { ...result, plugins, backend: opened.backend, durationSeconds: seconds });
      rt.io.out(`Seeded ${result.slug} (${o.scale}) on ${opened.backend} in ${seconds.toFixed(1)} s:\n`);
      for (const [name, count] of Object.entries(result.counts) as [string, number][]) {
        rt.io.out(`  ${name.padEnd(14)} ${count.toLocaleString("en-US")}\n`);
      }
      if (plugins.length) rt.io.out(`  plugin data: ${plugins.join(", ")}\n`);
      rt.io.out(`Sign in as ${result.signIn.email} / ${result.signIn.password}\n`);
    });
}
