import { Command } from "commander";
import { createMember, listMembers, ROLES } from "@opsdeck/core";
import { CliUsageError } from "../errors.ts";
import { printJson } from "../io.ts";
import type { CliRuntime } from "../runtime.ts";

export function usersCommand(rt: CliRuntime): Command {
  const users = new Command("users").description("add and list the people of an organization");
  users
    .command("create")
    .description("add a person to an organization (creates the user when the email is new)")
    .requiredOption("--email <email>", "email, used to sign in")
    .option("--name <name>", "full name (default: from the email)")
    .requiredOption("--role <role>", `one of ${ROLES.join(", ")}`)
    .option("--password <password>", "sign-in password (at least 10 characters)")
    .option("--team <team>", "team name (created if new)")
    .option("--manager-email <email>", "their manager, a member already")
    .option("--title <title>", "job title")
    .option("--start-date <date>", "start date (YYYY-MM-DD)")
    .option("--org <slug>", "organization (default: the only one)")
    .option("--json", "print JSON")
    .action(async (o: Record<string, string | boolean | undefined>) => {
      const role = String(o.role);
      if (!(ROLES as readonly string[]).includes(role)) throw new CliUsageError(`--role must be one of ${ROLES.join(", ")}.`);
      const { ctx, org } = await rt.tenant(o.org as string | undefined);
      const email = String(o.email);
      const member = await createMember(ctx, {
        email,
        name: (o.name as string | undefined) ?? email.split("@")[0]!,
        role: role as (typeof ROLES)[number],
        password: o.password as string | undefined,
        team: o.team as string | undefined,
        managerEmail: o.managerEmail as string | undefined,
        title: o.title as string | undefined,
        startDate: o.startDate as string | undefined,
      });
      if (o.json) printJson(rt.io, { organization: org.slug, member });
      else rt.io.out(`Added ${member.email} to ${org.slug} as ${member.role}.\n`);
    });
  users
    .command("list")
    .description("list the members of an organization")
    .option("--org <slug>", "organization (default: the only one)")
    .option("--all", "include deactivated members")
    .option("--json", "print JSON")
    .action(async (o: { org?: string; all?: boolean; json?: boolean }) => {
      const { ctx } = await rt.tenant(o.org);
      const members = await listMembers(ctx, { includeDeactivated: o.all, limit: 10_000 });
      if (o.json) return printJson(rt.io, { members });
      for (const m of members) {
        rt.io.out(`${m.email.padEnd(36)} ${m.role.padEnd(9)} ${m.teamName ?? ""}${m.deactivatedAt ? " (deactivated)" : ""}\n`);
      }
    });
  return users;
}
