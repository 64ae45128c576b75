// `pnpm bench quality [--preview 200000]`: the quality area on the large demo seed (≥1M contacts) in the shared
// seeded PostgreSQL database. Core data is only read; the scan writes today's snapshot into plugin_crm_hygiene.
// 1. The data-quality scan (every audit over every record, grouped by owner): time, records/s, peak RSS.
// 2. Normalization previews (read a page, run the rule) of phones and emails on contacts, next to the bare read
//    of the same pages as the baseline.
// 3. Validation rules as checked on writes and imports: records/s of the check of 4 rules, in memory.
import path from "node:path";
import { parseArgs } from "node:util";
import { openSeededBenchDatabase } from "@opsdeck/core/testing";
import type { RecordCandidate, TenantContext } from "@opsdeck/core";
import { migrateSchema } from "@opsdeck/db";
import { runQualityScan } from "../src/audits/scan.ts";
import { previewNormalization } from "../src/normalize/preview.ts";
import { readPage } from "../src/normalize/record-pages.ts";
import { brokenField } from "../src/validation/evaluate.ts";
import { ruleConfig } from "../src/validation/rule-schema.ts";

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: { preview: { type: "string", default: "200000" } },
});
const limit = Number(args.preview);
const n = (x: number) => Math.round(x).toLocaleString("en-US");
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

const bench = await openSeededBenchDatabase({ scale: "large", maxConnections: 4 });
const tenant: TenantContext = { db: bench.opened.db, organizationId: bench.organizationId, actorUserId: null };
await migrateSchema(bench.opened.db, { schema: "plugin_crm_hygiene", migrationsFolder: path.join(import.meta.dirname, "../drizzle") });
console.log(`quality bench on ${bench.name} (${bench.seeded ? "seeded now" : "reused"})`);

// 1. The scan.
let t = performance.now();
const scan = await runQualityScan(tenant, { staleDays: 90, timeZone: "UTC" });
const scanMs = performance.now() - t;
console.log(`\nscan: ${n(scan.records)} records, ${scan.owners} owners, score ${scan.score} — ${s(scanMs)} (${n(scan.records / (scanMs / 1000))} records/s), peak RSS ${rssMb()} MB`);
const top = Object.entries(scan.issues).sort((a, b) => b[1] - a[1]).slice(0, 5);
console.log(`  top issues: ${top.map(([id, c]) => `${id} ${n(c)}`).join(", ")}`);

// 2. Previews vs the bare read.
t = performance.now();
let read = 0;
for (let after: string | null = null; read < limit; ) {
  const page = await readPage(tenant.db, tenant.organizationId, "contacts", ["phone", "country"], after, Math.min(2000, limit - read));
  if (!page.length) break;
  after = page.at(-1)!.id;
  read += page.length;
}
const readMs = performance.now() - t;
console.log(`\nbaseline: read ${n(read)} contacts' phone and country in pages of 2,000: ${s(readMs)} (${n(read / (readMs / 1000))} records/s)`);
for (const rule of ["phones", "emails"] as const) {
  t = performance.now();
  const preview = await previewNormalization(tenant, rule, { defaultCountry: "US", limit });
  const ms = performance.now() - t;
  const contacts = preview.targets.find((x) => x.entity === "contacts")!;
  const scanned = preview.targets.reduce((a, x) => a + x.scanned, 0);
  console.log(
    `preview ${rule}: ${n(scanned)} records (contacts + leads) in ${s(ms)} (${n(scanned / (ms / 1000))} records/s); contacts: ${n(contacts.changed)} to change, ${n(contacts.invalid)} unreadable of ${n(contacts.scanned)}`,
  );
}

// 3. Rule checks as on writes and imports (a batch of imported rows is checked like this).
const rules = [
  { kind: "required", field: "email" },
  { kind: "pattern", field: "phone", pattern: "\\+[1-9][0-9]{6,14}", caseInsensitive: false },
  { kind: "allowed_values", field: "country", values: ["US", "CA", "GB", "DE", "FR", "NL", "ES", "JP", "IN", "BR", "MX", "AU"] },
  { kind: "cross_field", when: { field: "country", op: "equals", values: ["US"] }, require: ["state", "phone"] },
].map((r) => ruleConfig.parse(r));
const page = await readPage(tenant.db, tenant.organizationId, "contacts", ["email", "phone", "country", "state"], null, 20_000);
const records: RecordCandidate[] = page.map((r) => ({ values: r, before: null }));
t = performance.now();
let violations = 0;
for (let round = 0; round < 10; round++) for (const r of records) for (const rule of rules) if (brokenField(rule, r.values) !== undefined) violations += 1;
const checkMs = performance.now() - t;
console.log(`\nrule checks: ${n(records.length * 10)} records × ${rules.length} rules in ${s(checkMs)} (${n((records.length * 10) / (checkMs / 1000))} records/s), ${n(violations / 10)} violations per pass`);
console.log(`peak RSS ${rssMb()} MB`);
await bench.opened.close();
