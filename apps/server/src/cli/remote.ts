import type { RunFile } from "../http/runfile.ts";
import type { CliIo } from "./io.ts";

/** Runs a CLI command inside the running server (which holds the embedded database) and relays its output. */
export async function runViaServer(run: RunFile, argv: string[], io: CliIo): Promise<number> {
  const response = await fetch(`${run.url}/api/cli`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-opsdeck-cli-token": run.token },
    body: JSON.stringify({ argv, cwd: io.cwd }),
  });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
    io.err(`error: ${body.error?.message ?? `the server answered ${response.status}`}\n`);
    return 1;
  }
  let exit = 1;
  let buffer = "";
  const decoder = new TextDecoder();
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let newline: number;
    while ((newline = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      if (!line) continue;
      const message = JSON.parse(line) as { out?: string; err?: string; exit?: number };
      if (message.out !== undefined) io.out(message.out);
      if (message.err !== undefined) io.err(message.err);
      if (message.exit !== undefined) exit = message.exit;
    }
  }
  return exit;
}
