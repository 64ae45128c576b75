import path from "node:path";

/** Options whose value names a file (core's and plugins' commands: `--out report.xlsx`, `--map map.json`). */
const FILE_OPTIONS = ["--map", "--out"];

/**
 * Resolves the arguments that name files against the CLI's working directory, so a command run inside the
 * server (another cwd) reads and writes the same files: `import <entity> <file>`, and `--out`/`--map` in both
 * spellings (`--out file` and `--out=file`).
 */
export function absolutizeFileArgs(argv: readonly string[], cwd: string): string[] {
  return argv.map((arg, i) => {
    if ((argv[0] === "import" && i === 2) || FILE_OPTIONS.includes(argv[i - 1] ?? "")) return path.resolve(cwd, arg);
    const option = FILE_OPTIONS.find((o) => arg.startsWith(`${o}=`));
    return option ? `${option}=${path.resolve(cwd, arg.slice(option.length + 1))}` : arg;
  });
}
