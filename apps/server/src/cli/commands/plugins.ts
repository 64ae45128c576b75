import { Command, Option } from "commander";
import { listOrganizationPlugins } from "@opsdeck/core";
import type { CliArgs } from "@opsdeck/plugin-sdk";
import type { PluginSummary } from "@opsdeck/plugin-sdk/host";
import { CliExit, CliUsageError } from "../errors.ts";
import { printJson } from "../io.ts";
import type { CliRuntime } from "../runtime.ts";

async function pluginStates(rt: CliRuntime, org: string | undefined) {
  const platform = await rt.platform();
  const { ctx, org: organization } = await rt.tenant(org);
  const overrides = new Map((await listOrganizationPlugins(ctx)).map((p) => [p.pluginId, p.enabled]));
  const plugins = platform.host.list().map((p: PluginSummary) => ({
    id: p.id,
    name: p.name,
    version: p.version,
    health: p.health,
    reason: p.reason,
    enabled: p.health === "healthy" && (overrides.get(p.id) ?? p.defaultEnabled),
  }));
  return { platform, ctx, organization, plugins };
}

export function pluginsCommand(rt: CliRuntime): Command {
  const plugins = new Command("plugins").description("list installed plugins and turn them on or off per organization");
  plugins
    .command("list")
    .option("--org <slug>", "organization (default: the only one)")
    .option("--json", "print JSON")
    .action(async (o: { org?: string; json?: boolean }) => {
      const { organization, plugins: list } = await pluginStates(rt, o.org);
      if (o.json) return printJson(rt.io, { organization: organization.slug, plugins: list });
      if (!list.length) return rt.io.out("No plugins installed.\n");
      for (const p of list) {
        const state = p.health !== "healthy" ? `unhealthy: ${p.reason ?? ""}` : p.enabled ? "enabled" : "disabled";
        rt.io.out(`${p.id.padEnd(16)} ${(p.version ?? "").padEnd(8)} ${state}\n`);
      }
    });
  for (const enabled of [true, false]) {
    plugins
      .command(`${enabled ? "enable" : "disable"} <id>`)
      .description(enabled ? "enable a plugin (its data comes back as it was)" : "disable a plugin (its data stays)")
      .option("--org <slug>", "organization (default: the only one)")
      .option("--json", "print JSON")
      .action(async (id: string, o: { org?: string; json?: boolean }) => {
        const { platform, ctx, organization, plugins: list } = await pluginStates(rt, o.org);
        if (!list.some((p) => p.id === id)) {
          throw new CliUsageError(`No plugin "${id}" is installed (${list.map((p) => p.id).join(", ") || "none"}).`);
        }
        await platform.host.setEnabled(ctx, id, enabled);
        if (o.json) return printJson(rt.io, { organization: organization.slug, plugin: id, enabled });
        rt.io.out(`${id} is now ${enabled ? "enabled" : "disabled"} for ${organization.slug}.\n`);
      });
  }
  return plugins;
}

/**
 * `opsdeck <plugin id> <command>`: a plugin's own sub-commands, read from its manifest. The first word may also
 * be one of the plugin's `cliAliases` (`opsdeck report kpis` for the reporting plugin); a plugin id wins a clash.
 */
export async function pluginCommand(rt: CliRuntime, word: string): Promise<Command | undefined> {
  const platform = await rt.platform();
  const healthy = platform.host.list().filter((p) => p.health === "healthy");
  const summary = healthy.find((p) => p.id === word) ?? healthy.find((p) => p.cliAliases.includes(word));
  if (!summary?.cli.length) return undefined;
  const pluginId = summary.id;
  const command = new Command(word).description(summary.description ?? `${summary.name ?? pluginId} commands`);
  for (const sub of summary.cli) {
    const cmd = command.command(sub.name).description(sub.description).option("--org <slug>", "organization (default: the only one)");
    for (const opt of sub.options) {
      const flag = opt.type === "boolean" ? `--${opt.name}` : `--${opt.name} <value>`;
      const option = new Option(flag, opt.description);
      if (opt.default !== undefined) option.default(opt.default);
      if (opt.type === "number") option.argParser(Number);
      if (opt.required) option.makeOptionMandatory();
      cmd.addOption(option);
    }
    cmd.allowExcessArguments(true).action(async (options: Record<string, string | boolean | number | undefined>, self: Command) => {
      const { org } = await rt.tenant(options.org as string | undefined);
      const code = await platform.host.runCommand(pluginId, sub.name, {
        organizationId: org.id,
        args: { ...options, _: self.args } as unknown as CliArgs,
        io: { out: (s: string) => rt.io.out(s), err: (s: string) => rt.io.err(s) },
      });
      if (code) throw new CliExit(code);
    });
  }
  return command;
}
