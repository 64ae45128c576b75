// A seeded PostgreSQL database that benchmarks share: `opsdeck_bench_<scale>_<fingerprint>` is created and seeded
// once (the large scale takes a couple of minutes) and reused by every later `pnpm bench …` on the machine. The
// fingerprint changes with core's migrations and the seed's code, so a stale database is never reused. Two
// benchmarks starting together wait on an advisory lock instead of seeding twice.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows, type OpenedDatabase } from "@opsdeck/db";
import { migrateCore } from "../migrate.ts";
import type { SeedProgress } from "./seed-demo.ts";
import { seedDemo } from "./seed-demo.ts";
import type { SeedScale } from "./scales.ts";

export interface SeededBenchDatabase {
  opened: OpenedDatabase;
  /** The database's name on the server. */
  name: string;
  organizationId: string;
  /** True when this call seeded it (false: reused). */
  seeded: boolean;
  seedMs: number;
}

export interface SeededBenchDatabaseOptions {
  scale?: SeedScale;
  /** A server URL (any database on it); default `OPSDECK_BENCH_PG_URL` or the local postgres. */
  url?: string;
  maxConnections?: number;
  onProgress?: (p: SeedProgress) => void;
}

/** Hash of what decides the seeded data: core's migrations and the seed's sources. */
function fingerprint(): string {
  const hash = createHash("sha256");
  const root = path.resolve(import.meta.dirname, "../..");
  for (const dir of ["drizzle", "src/seed"]) {
    const walk = (d: string) => {
      for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const p = path.join(d, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (!entry.name.endsWith(".test.ts") && entry.name !== "bench-database.ts") hash.update(entry.name).update(fs.readFileSync(p));
      }
    };
    walk(path.join(root, dir));
  }
  return hash.digest("hex").slice(0, 10);
}

/** Opens (creating and seeding on first use) the shared benchmark database of a scale. */
export async function openSeededBenchDatabase(options: SeededBenchDatabaseOptions = {}): Promise<SeededBenchDatabase> {
  const scale = options.scale ?? "large";
  // Benchmarks only (never the app): the server to bench on, like `pnpm bench seed --url`.
  // eslint-disable-next-line no-restricted-properties
  const serverUrl = options.url ?? process.env.OPSDECK_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `opsdeck_bench_${scale}_${fingerprint()}`;
  const admin = await openDatabase({ url: serverUrl, maxConnections: 1 });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    // Session-level lock on the admin connection: held while one process seeds.
    await admin.db.execute(sql`select pg_advisory_lock(hashtext(${name}))`);
    const [exists] = await queryRows<{ n: number }>(admin.db, sql`select 1 as n from pg_database where datname = ${name}`);
    if (exists) {
      const opened = await openDatabase({ url: url.toString(), maxConnections: options.maxConnections ?? 6 });
      const [done] = await queryRows<{ organization_id: string; seed_ms: number }>(
        opened.db,
        sql.raw("select organization_id, seed_ms from public.opsdeck_bench_seeded limit 1"),
      ).catch(() => []);
      if (done) return { opened, name, organizationId: done.organization_id, seeded: false, seedMs: Number(done.seed_ms) };
      await opened.close();
      await admin.db.execute(sql.raw(`drop database "${name}" with (force)`)); // an interrupted seed
    }
    await admin.db.execute(sql.raw(`create database "${name}"`));
    const opened = await openDatabase({ url: url.toString(), maxConnections: options.maxConnections ?? 6 });
    await migrateCore(opened.db);
    const result = await seedDemo(opened, { scale, slug: "acme", ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    await opened.db.execute(sql.raw("create table public.opsdeck_bench_seeded (organization_id uuid not null, seed_ms bigint not null)"));
    await opened.db.execute(sql`insert into public.opsdeck_bench_seeded values (${result.organizationId}, ${Math.round(result.durationMs)})`);
    await opened.db.execute(sql.raw("vacuum analyze"));
    return { opened, name, organizationId: result.organizationId, seeded: true, seedMs: result.durationMs };
  } finally {
    await admin.db.execute(sql`select pg_advisory_unlock(hashtext(${name}))`).catch(() => undefined);
    await admin.close();
  }
}
