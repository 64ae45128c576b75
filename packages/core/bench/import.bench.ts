// `pnpm bench import [--rows N] [--backend pglite|postgres|both]`
// Imports a generated contacts CSV (with the accounts and owners it references) through importCsv on PGlite
// and on PostgreSQL, and COPYs the same rows into a same-shaped table in the same run: prints rows/s for
// both, their ratio (goal on PostgreSQL: import >= 30% of COPY) and the peak RSS of this process.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { queryRows, type OpenedDatabase } from "@opsdeck/db";
import { createTestDatabase } from "@opsdeck/db/testing";
import { systemContext } from "../src/domain/context.ts";
import { importCsv } from "../src/import/import-csv.ts";
import { migrateCore } from "../src/migrate.ts";
import { createOrganization } from "../src/services/organizations.ts";
import { createMember } from "../src/services/users.ts";

const { values: args } = parseArgs({
  options: { rows: { type: "string", default: "100000" }, backend: { type: "string", default: "both" } },
});
const ROWS = Number(args.rows);
const ACCOUNTS = Math.max(1, Math.round(ROWS / 10));
const OWNERS = 20;

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
const FIRST = ["Ann", "bob", "CARL", "Dana", "Eve", "Femi", "Gus", "Hana", "Ivo", "Jo", "Kai", "Lena"];
const LAST = ["Smith", "o'brien", "Garcia", "Müller", "Nguyen", "Rossi", "Kowalski", "Dubois", "Tanaka"];
const TITLES = ["VP Sales", "CTO", "Head of Ops", "Buyer", "", "Director, IT"];
const CITIES = ["San Francisco", "Paris", "Berlin", "Austin", "Tokyo", ""];

const ownerEmail = (i: number) => `owner${i}@bench.test`;

/** The import file: canonical contact headers, references by external id and email. */
function writeContactsFile(file: string): void {
  const out = fs.openSync(file, "w");
  fs.writeSync(out, "external_id,account_external_id,first_name,last_name,email,phone,title,country,state,city,owner_email,created_at,last_activity_at\n");
  let chunk = "";
  for (let i = 0; i < ROWS; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const title = pick(TITLES);
    const day = 1 + (i % 28);
    chunk += `C-${i},A-${i % ACCOUNTS},${first},${last},${first}.${last.replace("'", "")}${i}@example.com,+1 415 555 ${String(i % 10000).padStart(4, "0")},${title.includes(",") ? `"${title}"` : title},US,CA,${pick(CITIES)},${ownerEmail(i % OWNERS)},2024-01-${String(day).padStart(2, "0")} 10:00:00,2024-02-${String(day).padStart(2, "0")}T08:30:00Z\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk);
      chunk = "";
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
}

/** The same rows with references already resolved, as COPY needs them. */
function copyCsv(file: string, orgId: string, accountIds: Map<string, string>, ownerIds: Map<string, string>): string {
  const lines: string[] = [];
  const text = fs.readFileSync(file, "utf8").split("\n").slice(1);
  for (const line of text) {
    if (!line) continue;
    const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ""));
    const [ext, acc, first, last, email, phone, title, country, state, city, owner, created, activity] = cells;
    lines.push([orgId, ext, accountIds.get(acc!), first, last, email, phone, title, country, state, city, ownerIds.get(owner!), created, activity].join(","));
  }
  return `${lines.join("\n")}\n`;
}

async function sampleRss<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; peakRss: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const started = performance.now();
  try {
    const result = await work();
    return { result, seconds: (performance.now() - started) / 1000, peakRss: Math.max(peak, process.memoryUsage.rss()) };
  } finally {
    clearInterval(timer);
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const rate = (rows: number, seconds: number) => Math.round(rows / seconds);

async function run(label: string, opened: OpenedDatabase, file: string) {
  const db = opened.db;
  await migrateCore(db);
  const org = await createOrganization(db, { slug: "bench", name: "Bench" });
  const ctx = systemContext(db, org.id);
  for (let i = 0; i < OWNERS; i++) await createMember(ctx, { email: ownerEmail(i), name: `Owner ${i}`, role: "rep" });
  const accountsCsv = `external_id,name,domain\n${Array.from({ length: ACCOUNTS }, (_, i) => `A-${i},Account ${i},a${i}.example`).join("\n")}\n`;
  const accounts = await importCsv(ctx, { entity: "accounts", input: accountsCsv });
  if (accounts.created !== ACCOUNTS) throw new Error(`accounts: ${JSON.stringify(accounts.errors)}`);

  global.gc?.();
  const baseRss = process.memoryUsage.rss();
  const first = await sampleRss(() => importCsv(ctx, { entity: "contacts", input: fs.createReadStream(file) }));
  if (first.result.created !== ROWS) throw new Error(`import: ${JSON.stringify(first.result.errors.slice(0, 3))}`);
  const second = await sampleRss(() => importCsv(ctx, { entity: "contacts", input: fs.createReadStream(file) }));
  if (second.result.unchanged !== ROWS) throw new Error("re-import was not all unchanged");

  const ids = (rows: Record<string, unknown>[], key: string) => new Map(rows.map((r) => [String(r[key]), String(r.id)]));
  const accountIds = ids(await queryRows(db, sql`select id, external_id from core.accounts where organization_id = ${org.id}`), "external_id");
  const ownerIds = ids(await queryRows(db, sql`select u.id, u.email from core.users u join core.memberships m on m.user_id = u.id where m.organization_id = ${org.id}`), "email");
  const copyText = copyCsv(file, org.id, accountIds, ownerIds);
  const columns = ["organization_id", "external_id", "account_id", "first_name", "last_name", "email", "phone", "title", "country", "state", "city", "owner_id", "created_at", "last_activity_at"];
  // Two tables shaped like core.contacts (same columns, defaults, checks, indexes): the second also has
  // its foreign keys, which core.contacts has and which any load into it pays for.
  await db.execute(sql`create table public.bench_copy (like core.contacts including defaults including indexes including constraints)`);
  await db.execute(sql`create table public.bench_copy_fk (like core.contacts including defaults including indexes including constraints)`);
  await db.execute(sql`alter table public.bench_copy_fk
    add foreign key (organization_id) references core.organizations (id),
    add foreign key (account_id) references core.accounts (id),
    add foreign key (owner_id) references core.users (id)`);
  const copy = await sampleRss(() => opened.copyCsv("public.bench_copy", columns, copyText));
  const copyFk = await sampleRss(() => opened.copyCsv("public.bench_copy_fk", columns, copyText));
  const [copied] = await queryRows<{ n: number }>(db, sql`select (select count(*) from public.bench_copy_fk) + (select count(*) from public.bench_copy) as n`);
  if (Number(copied?.n) !== 2 * ROWS) throw new Error("COPY did not load every row");

  const importRate = rate(ROWS, first.seconds);
  const copyRate = rate(ROWS, copy.seconds);
  const copyFkRate = rate(ROWS, copyFk.seconds);
  const goal = label === "postgres" ? "  (goal >= 30%)" : "";
  console.log(`\n${label}: ${ROWS} contacts (${ACCOUNTS} accounts, ${OWNERS} owners)`);
  console.log(`  import (new rows)             ${first.seconds.toFixed(2)} s  ${importRate} rows/s`);
  console.log(`  re-import (all unchanged)     ${second.seconds.toFixed(2)} s  ${rate(ROWS, second.seconds)} rows/s`);
  console.log(`  COPY, same indexes + FKs      ${copyFk.seconds.toFixed(2)} s  ${copyFkRate} rows/s`);
  console.log(`  COPY, same indexes, no FKs    ${copy.seconds.toFixed(2)} s  ${copyRate} rows/s`);
  console.log(`  import / COPY with FKs        ${((100 * importRate) / copyFkRate).toFixed(0)}%${goal}`);
  console.log(`  import / COPY without FKs     ${((100 * importRate) / copyRate).toFixed(0)}%`);
  console.log(`  RSS: before ${mb(baseRss)}, peak during the imports ${mb(Math.max(first.peakRss, second.peakRss))}`);
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "opsdeck-import-bench-"));
  const file = path.join(dir, "contacts.csv");
  writeContactsFile(file);
  console.log(`generated ${file}: ${mb(fs.statSync(file).size)}`);
  try {
    for (const backend of ["postgres", "pglite"] as const) {
      if (args.backend !== "both" && args.backend !== backend) continue;
      // An in-memory PGlite, or a throwaway database on 127.0.0.1:5432 that destroy() drops.
      const opened = await createTestDatabase(backend);
      try {
        await run(backend, opened, file);
      } finally {
        await opened.destroy();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
