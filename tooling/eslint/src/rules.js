// @ts-check
import fs from "node:fs";
import path from "node:path";

/** Finds the plugins/ folder above a file, if the file lives in a plugin. */
function pluginOf(filename) {
  const parts = path.resolve(filename).split(path.sep);
  const i = parts.lastIndexOf("plugins");
  if (i < 0 || i + 1 >= parts.length - 1) return undefined;
  return { root: parts.slice(0, i + 1).join(path.sep), folder: parts[i + 1] };
}

/** Package names of every plugin in a plugins/ folder, keyed by folder. */
function pluginPackages(pluginsRoot) {
  /** @type {Map<string, string>} */
  const names = new Map();
  if (!fs.existsSync(pluginsRoot)) return names;
  for (const folder of fs.readdirSync(pluginsRoot)) {
    const manifest = path.join(pluginsRoot, folder, "package.json");
    if (!fs.existsSync(manifest)) continue;
    const { name } = JSON.parse(fs.readFileSync(manifest, "utf8"));
    if (typeof name === "string") names.set(name, folder);
  }
  return names;
}

/**
 * A plugin may use another plugin only through its `./common` entry (DESIGN.md, dependency direction):
 * never its server or web part, never a deep path, never a relative path into its folder.
 * @type {import("eslint").Rule.RuleModule}
 */
export const noCrossPluginImport = {
  meta: {
    type: "problem",
    docs: { description: "forbid importing another plugin's internals" },
    schema: [],
    messages: {
      crossPlugin:
        "Plugin '{{from}}' must not import '{{source}}': use the other plugin's './common' entry, its API or its events.",
    },
  },
  create(context) {
    const own = pluginOf(context.filename);
    if (!own) return {};
    const packages = pluginPackages(own.root);
    const check = (node, source) => {
      if (typeof source !== "string") return;
      if (source.startsWith(".")) {
        const target = path.resolve(path.dirname(context.filename), source);
        const rel = path.relative(own.root, target);
        const folder = rel.split(path.sep)[0];
        if (!rel.startsWith("..") && folder && folder !== own.folder) {
          context.report({ node, messageId: "crossPlugin", data: { from: own.folder, source } });
        }
        return;
      }
      for (const [name, folder] of packages) {
        if (folder === own.folder) continue;
        if (source === name || source.startsWith(`${name}/`)) {
          if (source !== `${name}/common`) {
            context.report({ node, messageId: "crossPlugin", data: { from: own.folder, source } });
          }
        }
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node.source, node.source.value),
    };
  },
};

export const opsdeckPlugin = {
  meta: { name: "@opsdeck/eslint-plugin" },
  rules: { "no-cross-plugin-import": noCrossPluginImport },
};
