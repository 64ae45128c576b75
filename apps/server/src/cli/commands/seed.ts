import { Command, Option } from "commander";
import { seedDemo, type SeedDemoResult } from "@opsdeck/core";
import type { OpenedDatabase } from "@opsdeck/db";
import { printJson, progressPrinter } from "../io.ts";
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
      const seconds = (performance.now() - started) / 1000;
      if (o.json) return printJson(rt.io, { ...result, backend: opened.backend, durationSeconds: seconds });
      rt.io.out(`Seeded ${result.slug} (${o.scale}) on ${opened.backend} in ${seconds.toFixed(1)} s:\n`);
      for (const [name, count] of Object.entries(result.counts) as [string, number][]) {
        rt.io.out(`  ${name.padEnd(14)} ${count.toLocaleString("en-US")}\n`);
      }
      rt.io.out(`Sign in as ${result.signIn.email} / ${result.signIn.password}\n`);
    });
}
