// Compiles the kit's stylesheets with Tailwind, as the shell's and a plugin's builds would.
import { compile } from "@tailwindcss/node";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const src = import.meta.dirname;

async function build(entry: string, candidates: string[]): Promise<string> {
  const css = fs.readFileSync(path.join(src, entry), "utf8");
  const compiler = await compile(css, { base: src, onDependency: () => {} });
  return compiler.build(candidates);
}

describe("styles.css (the shell's stylesheet)", () => {
  it("defines every token in light and dark, used or not, plus the base layer", async () => {
    const css = await build("styles.css", ["bg-card"]);
    for (const token of ["background", "primary", "success", "warning", "destructive", "chart-1", "chart-8"]) {
      expect(css.match(new RegExp(`--color-${token}:`, "g"))?.length, token).toBe(2);
    }
    expect(css).toMatch(/\.dark\s*\{[^}]*--color-background:/);
    expect(css).toContain("box-sizing: border-box");
    expect(css).toContain("background-color: var(--color-card)");
  });

  it("switches the dark variant on a .dark ancestor, not the OS setting", async () => {
    const css = await build("styles.css", ["dark:bg-muted"]);
    expect(css).toContain(":where(.dark, .dark *)");
    expect(css).not.toMatch(/prefers-color-scheme:\s*dark\)\s*\{[^}]*bg-muted/);
  });
});

describe("plugin.css (a plugin's own stylesheet)", () => {
  it("emits only utilities that point at the shell's tokens", async () => {
    const css = await build("plugin.css", ["bg-primary", "text-muted-foreground", "dark:bg-card", "p-4"]);
    expect(css).toContain(".bg-primary");
    expect(css).toMatch(/background-color: var\(--color-primary/);
    expect(css).toContain(".dark\\:bg-card:where(.dark, .dark *)");
    // Nothing that would restyle the shell: no token definitions, no preflight, no base rules.
    expect(css).not.toMatch(/--color-primary:/);
    expect(css).not.toContain("box-sizing");
    expect(css).not.toContain("--color-background:");
  });
});
