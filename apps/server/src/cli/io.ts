/** Where a command writes: the terminal, or the response stream when the server runs it for a CLI. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** The directory relative paths of arguments are resolved against. */
  cwd: string;
  /** Whether progress lines may redraw in place (a TTY). */
  interactive: boolean;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  interactive: Boolean(process.stderr.isTTY),
};

/** Prints one JSON document on stdout: what every `--json` command ends with. */
export function printJson(io: CliIo, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}

/** A progress reporter for long work: a line redrawn in place on a TTY, a line per step otherwise. */
export function progressPrinter(io: CliIo, label: string) {
  let last = 0;
  return (done: number, total?: number | null, message?: string) => {
    const now = Date.now();
    const final = total != null && done >= total;
    if (!final && now - last < (io.interactive ? 100 : 2000)) return;
    last = now;
    const pct = total ? ` ${Math.floor((done / total) * 100)}%` : "";
    const text = `${label}: ${done.toLocaleString("en-US")}${total ? `/${total.toLocaleString("en-US")}` : ""}${pct}${message ? ` — ${message}` : ""}`;
    io.err(io.interactive ? `\r\x1b[2K${text}${final ? "\n" : ""}` : `${text}\n`);
  };
}
