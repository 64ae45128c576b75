import { Command } from "commander";
import { createOrganization, listOrganizations } from "@opsdeck/core";
import { printJson } from "../io.ts";
import type { CliRuntime } from "../runtime.ts";

export function orgsCommand(rt: CliRuntime): Command {
  const orgs = new Command("orgs").description("create and list organizations");
  orgs
    .command("create")
    .description("create an organization")
    .requiredOption("--slug <slug>", "short name used in URLs and --org")
    .requiredOption("--name <name>", "display name")
    .option("--currency <code>", "reporting currency (ISO 4217)", "USD")
    .option("--fiscal-year-start <month>", "first month of the fiscal year (1-12)", "1")
    .option("--time-zone <tz>", "IANA time zone", "UTC")
    .option("--json", "print JSON")
    .action(async (o: { slug: string; name: string; currency: string; fiscalYearStart: string; timeZone: string; json?: boolean }) => {
      const { db } = await rt.database();
      const org = await createOrganization(db, {
        slug: o.slug,
        name: o.name,
        currency: o.currency.toUpperCase(),
        fiscalYearStartMonth: Number(o.fiscalYearStart),
        timeZone: o.timeZone,
      });
      if (o.json) printJson(rt.io, { organization: org });
      else rt.io.out(`Created organization ${org.slug} (${org.name}).\n`);
    });
  orgs
    .command("list")
    .description("list organizations")
    .option("--json", "print JSON")
    .action(async (o: { json?: boolean }) => {
      const { db } = await rt.database();
      const all = await listOrganizations(db);
      if (o.json) return printJson(rt.io, { organizations: all });
      if (!all.length) return rt.io.out("No organizations.\n");
      for (const org of all) rt.io.out(`${org.slug.padEnd(24)} ${org.name} (${org.currency})\n`);
    });
  return orgs;
}
