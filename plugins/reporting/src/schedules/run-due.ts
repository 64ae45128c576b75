import { PassThrough } from "node:stream";
import { isOpsdeckError, MoneyDecimal, OpsdeckError, type Role } from "@opsdeck/core";
import { jobs, mailOutbox } from "@opsdeck/core/schema";
import { queryRows } from "@opsdeck/db";
import { withTransaction, type TaskContext } from "@opsdeck/plugin-sdk";
import { and, eq, inArray, lte, sql } from "drizzle-orm";
import { CONTENT_TYPES, exportReport } from "../exports/export-report.ts";
import { exportFileName } from "../exports/download.ts";
import { KPIS } from "../kpis/catalogue.ts";
import { computeKpis } from "../kpis/service.ts";
import { catalogFor } from "../reports/catalog.ts";
import { runReport } from "../reports/run-report.ts";
import { getSavedReport } from "../reports/saved-reports.ts";
import { scheduleRuns, schedules } from "../schema/reports.ts";
import { nextDue } from "./cron.ts";
import { dashboardKpis } from "./dashboard-kpis.ts";
import { displayKpi, kpiCsv, kpiHtmlTable, kpiLines, kpiTextTable } from "./kpi-summary.ts";
import { resolvePeriod } from "./periods.ts";
import type { AlertConfig, DashboardScheduleConfig, KpiAlertConfig, ReportScheduleConfig, Schedule } from "./schedules.ts";

/** Rows an emailed export carries at most; past it the mail says the file was cut and links to the full export. */
export const MAX_ATTACHED_ROWS = 50_000;

/**
 * Attempts the job runner gives a `deliver-schedule` job: the first run and core's default of 2 retries (the
 * SDK registers plugin jobs with the runner's defaults). The attempt that reaches it and fails marks the run
 * `failed`; `settleAbandonedRuns` catches the rest (a last attempt that crashed, a cancelled job).
 */
export const DELIVERY_ATTEMPTS = 3;

type Mail = typeof mailOutbox.$inferInsert;
type Outcome = { status: "sent" | "quiet"; value: string | null; fired: boolean | null; mails: Mail[] };

/**
 * Fires every schedule of the organization that is due: records one run per (schedule, due time) — the
 * unique key makes this idempotent across retries, restarts and several servers — queues its delivery in
 * the same transaction, and moves the schedule to its next due time after `now` (missed times while the
 * server was down fire once, not once each).
 */
export async function enqueueDueSchedules(ctx: TaskContext, now = new Date()): Promise<number> {
  const db = ctx.tenant.db;
  const due = await db
    .select()
    .from(schedules)
    .where(and(eq(schedules.organizationId, ctx.tenant.organizationId), eq(schedules.enabled, true), lte(schedules.nextDueAt, now)));
  let fired = 0;
  for (const schedule of due) {
    await withTransaction(ctx, async (txCtx) => {
      const tx = txCtx.db;
      const [run] = await tx
        .insert(scheduleRuns)
        .values({ organizationId: schedule.organizationId, scheduleId: schedule.id, dueAt: schedule.nextDueAt! })
        .onConflictDoNothing()
        .returning();
      await tx
        .update(schedules)
        .set({ nextDueAt: nextDue(schedule.cron, schedule.timeZone, now) })
        .where(and(eq(schedules.id, schedule.id), eq(schedules.nextDueAt, schedule.nextDueAt!)));
      if (run) {
        fired += 1;
        const job = await txCtx.jobs.enqueue("deliver-schedule", { runId: run.id });
        await tx.update(scheduleRuns).set({ jobId: job.id }).where(eq(scheduleRuns.id, run.id));
      }
    });
  }
  return fired;
}

/**
 * Marks `failed` the pending runs whose delivery job ended without delivering (its last attempt crashed, or
 * someone cancelled it), with the job's error. The scheduler runs it every pass. Returns how many it settled.
 */
export async function settleAbandonedRuns(ctx: TaskContext, now = new Date()): Promise<number> {
  const org = ctx.tenant.organizationId;
  const stuck = await ctx.tenant.db
    .select({ id: scheduleRuns.id, jobStatus: jobs.status, jobError: jobs.error, runError: scheduleRuns.error })
    .from(scheduleRuns)
    .innerJoin(jobs, and(eq(jobs.id, scheduleRuns.jobId), eq(jobs.organizationId, org)))
    .where(and(eq(scheduleRuns.organizationId, org), eq(scheduleRuns.status, "pending"), inArray(jobs.status, ["failed", "cancelled"])));
  for (const run of stuck) {
    const error = run.jobStatus === "cancelled" ? "The delivery job was cancelled." : (run.runError ?? run.jobError ?? "The delivery job failed.");
    await ctx.tenant.db
      .update(scheduleRuns)
      .set({ status: "failed", error, finishedAt: now })
      .where(and(eq(scheduleRuns.id, run.id), eq(scheduleRuns.status, "pending")));
  }
  return stuck.length;
}

/** The schedule's author as the context its content is built in: they get in the mail what they see on screen. */
async function asAuthor(ctx: TaskContext, schedule: Schedule): Promise<TaskContext> {
  if (!schedule.createdByUserId) return ctx;
  const [member] = await queryRows<{ role: Role; deactivated_at: unknown }>(
    ctx.tenant.db,
    sql`select role, deactivated_at from core.memberships where organization_id = ${ctx.tenant.organizationId}::uuid and user_id = ${schedule.createdByUserId}::uuid`,
  );
  if (!member || member.deactivated_at) throw new OpsdeckError("PRECONDITION_FAILED", "The schedule's author is no longer a member.");
  return { ...ctx, tenant: { ...ctx.tenant, actorUserId: schedule.createdByUserId, role: member.role } };
}

function holds(value: InstanceType<typeof MoneyDecimal>, op: AlertConfig["op"], threshold: string): boolean {
  const t = new MoneyDecimal(threshold);
  return op === "lt" ? value.lt(t) : op === "lte" ? value.lte(t) : op === "gt" ? value.gt(t) : value.gte(t);
}

const OP_TEXT: Record<AlertConfig["op"], string> = { lt: "under", lte: "at or under", gt: "over", gte: "at or over" };

/** What a failure says on the schedules page: the message of an OpsdeckError, else the error's first line. */
function failureText(err: unknown): string {
  const text = isOpsdeckError(err) ? err.message : err instanceof Error ? err.message.split("\n")[0]! : String(err);
  return text.slice(0, 500);
}

/**
 * Builds and mails one run (in the job `deliver-schedule`): a report schedule mails the export to each
 * recipient, a dashboard schedule its KPI tiles as a table with a CSV of the values; an alert tests its
 * condition and mails only when it holds. Mails go to core's outbox in the transaction that marks the run
 * done, so a retried job never mails twice. A failing attempt records its error on the run; the last one
 * (`DELIVERY_ATTEMPTS`) marks the run `failed`, and the error goes on to fail the job.
 */
export async function deliverRun(ctx: TaskContext, runId: string, now = new Date()): Promise<{ status: string; mails: number }> {
  const org = ctx.tenant.organizationId;
  const db = ctx.tenant.db;
  const [run] = await db.select().from(scheduleRuns).where(and(eq(scheduleRuns.organizationId, org), eq(scheduleRuns.id, runId)));
  if (!run) throw new OpsdeckError("NOT_FOUND", "Run was not found.");
  if (run.status !== "pending") return { status: run.status, mails: run.mails };
  const [counted] = await db
    .update(scheduleRuns)
    .set({ attempts: sql`${scheduleRuns.attempts} + 1` })
    .where(and(eq(scheduleRuns.id, run.id), eq(scheduleRuns.status, "pending")))
    .returning({ attempts: scheduleRuns.attempts });
  if (!counted) return { status: "pending", mails: 0 };
  let outcome: Outcome;
  try {
    const [schedule] = await db.select().from(schedules).where(and(eq(schedules.organizationId, org), eq(schedules.id, run.scheduleId)));
    if (!schedule) throw new OpsdeckError("NOT_FOUND", "Schedule was not found.");
    outcome = await buildRun(await asAuthor(ctx, schedule), schedule, run.dueAt);
  } catch (err) {
    const last = counted.attempts >= DELIVERY_ATTEMPTS;
    await db
      .update(scheduleRuns)
      .set(last ? { status: "failed", error: failureText(err), finishedAt: now } : { error: failureText(err) })
      .where(and(eq(scheduleRuns.id, run.id), eq(scheduleRuns.status, "pending")));
    throw err;
  }
  await db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(scheduleRuns)
      .set({ status: outcome.status, value: outcome.value, fired: outcome.fired, mails: outcome.mails.length, error: null, finishedAt: now })
      .where(and(eq(scheduleRuns.id, run.id), eq(scheduleRuns.status, "pending")))
      .returning();
    if (claimed && outcome.mails.length) await tx.insert(mailOutbox).values(outcome.mails);
  });
  return { status: outcome.status, mails: outcome.mails.length };
}

/** The mails of one run, built as the author (nothing is written). */
async function buildRun(author: TaskContext, schedule: Schedule, dueAt: Date): Promise<Outcome> {
  switch (schedule.kind) {
    case "report":
      return reportMails(author, schedule, schedule.config as ReportScheduleConfig, dueAt);
    case "alert":
      return reportAlert(author, schedule, schedule.config as AlertConfig);
    case "kpi_alert":
      return kpiAlert(author, schedule, schedule.config as KpiAlertConfig, dueAt);
    case "dashboard":
      return dashboardMails(author, schedule, schedule.config as DashboardScheduleConfig, dueAt);
  }
}

const mailsTo = (schedule: Schedule, mail: Omit<Mail, "to" | "organizationId">): Mail[] =>
  schedule.recipients.map((to) => ({ ...mail, organizationId: schedule.organizationId, to }));

async function reportMails(author: TaskContext, schedule: Schedule, config: ReportScheduleConfig, dueAt: Date): Promise<Outcome> {
  const report = await getSavedReport(author.tenant, config.reportId);
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (c: Buffer) => chunks.push(c));
  const { rows } = await exportReport(author, catalogFor(author), report.definition as never, config.format, sink, { maxRows: MAX_ATTACHED_ROWS });
  const cut = rows >= MAX_ATTACHED_ROWS ? ` The file holds the first ${MAX_ATTACHED_ROWS.toLocaleString("en-US")} rows; export the report for all of them.` : "";
  const content = Buffer.concat(chunks).toString("base64");
  return {
    status: "sent",
    value: null,
    fired: null,
    mails: mailsTo(schedule, {
      subject: `${schedule.name}: ${report.name}`,
      text: `Your scheduled report "${report.name}" (${rows.toLocaleString("en-US")} rows) is attached.${cut}`,
      attachments: [{ filename: exportFileName(report.name, config.format, dueAt), contentType: CONTENT_TYPES[config.format], encoding: "base64", content }],
    }),
  };
}

async function reportAlert(author: TaskContext, schedule: Schedule, config: AlertConfig): Promise<Outcome> {
  const report = await getSavedReport(author.tenant, config.reportId);
  const result = await runReport(author, catalogFor(author), report.definition as never, { limit: 1000 });
  const column = result.columns.find((c) => c.key === config.measure);
  if (!column) throw new OpsdeckError("PRECONDITION_FAILED", `The report "${report.name}" has no column ${config.measure}.`);
  const hits = result.rows.filter((r) => r[config.measure] !== null && holds(new MoneyDecimal(String(r[config.measure])), config.op, config.threshold));
  const value = hits.length ? String(hits[0]![config.measure]) : result.rows[0] ? String(result.rows[0][config.measure]) : null;
  if (!hits.length) return { status: "quiet", value, fired: false, mails: [] };
  const groupKeys = result.columns.filter((c) => c.key !== config.measure && c.type !== "count" && c.type !== "money" && c.type !== "number").map((c) => c.key);
  const lines = hits.slice(0, 50).map((r) => `- ${groupKeys.map((k) => r[k] ?? "—").join(" / ") || report.name}: ${String(r[config.measure])}`);
  return {
    status: "sent",
    value,
    fired: true,
    mails: mailsTo(schedule, { subject: `Alert: ${schedule.name}`, text: `${column.label} is ${OP_TEXT[config.op]} ${config.threshold} in "${report.name}":\n${lines.join("\n")}` }),
  };
}

/** "team West", "Rita Rep", "the whole organization" (within what the author sees) for a mail. */
async function scopeText(author: TaskContext, config: { teamId?: string | undefined; ownerId?: string | undefined }): Promise<string> {
  const org = author.tenant.organizationId;
  if (config.ownerId) {
    const [row] = await queryRows<{ name: string }>(author.tenant.db, sql`select coalesce(nullif(name, ''), email) as name from core.users where id = ${config.ownerId}::uuid`);
    return row?.name ?? "one person";
  }
  if (config.teamId) {
    const [row] = await queryRows<{ name: string }>(author.tenant.db, sql`select name from core.teams where organization_id = ${org}::uuid and id = ${config.teamId}::uuid`);
    return `team ${row?.name ?? "?"}`;
  }
  return author.tenant.actorUserId === null || ["owner", "admin", "ops"].includes(author.tenant.role ?? "") ? "the whole organization" : "everyone you see";
}

async function kpiAlert(author: TaskContext, schedule: Schedule, config: KpiAlertConfig, dueAt: Date): Promise<Outcome> {
  const period = resolvePeriod(config.period, dueAt, author.organization);
  const answer = await computeKpis(author, { from: period.from, to: period.to, teamId: config.teamId, ownerId: config.ownerId }, { now: dueAt });
  const def = KPIS[config.kpi];
  const raw = answer.kpis[config.kpi];
  if (raw === null || typeof raw === "object") return { status: "quiet", value: null, fired: false, mails: [] };
  const value = String(raw);
  if (!holds(new MoneyDecimal(value), config.op, config.threshold)) return { status: "quiet", value, fired: false, mails: [] };
  const who = await scopeText(author, config);
  const shown = displayKpi(def.format, value, answer.currency);
  const limit = displayKpi(def.format, config.threshold, answer.currency);
  return {
    status: "sent",
    value,
    fired: true,
    mails: mailsTo(schedule, {
      subject: `Alert: ${schedule.name}`,
      text: `${def.label} is ${shown}, ${OP_TEXT[config.op]} ${limit}, for ${who}, ${period.label}.\n\n${def.label}: ${def.help}\nAs of ${answer.asOf}.`,
    }),
  };
}

async function dashboardMails(author: TaskContext, schedule: Schedule, config: DashboardScheduleConfig, dueAt: Date): Promise<Outcome> {
  const dashboard = await dashboardKpis(author.tenant, config.dashboardId);
  const period = resolvePeriod(config.period, dueAt, author.organization);
  const answer = await computeKpis(author, { from: period.from, to: period.to, teamId: config.teamId, ownerId: config.ownerId }, { now: dueAt });
  const lines = kpiLines(answer, dashboard.keys);
  const who = await scopeText(author, config);
  const title = `${dashboard.name} — ${who}, ${period.label}`;
  return {
    status: "sent",
    value: null,
    fired: null,
    mails: mailsTo(schedule, {
      subject: `${schedule.name}: ${dashboard.name}`,
      text: `${title}\nAmounts in ${answer.currency}, as of ${answer.asOf}.\n\n${kpiTextTable(lines)}\n\nThe values are attached as CSV.`,
      html: `<p><strong>${escapeHtml(title)}</strong><br>Amounts in ${escapeHtml(answer.currency)}, as of ${escapeHtml(answer.asOf)}.</p>${kpiHtmlTable(lines)}<p>The values are attached as CSV.</p>`,
      attachments: [{ filename: exportFileName(`${dashboard.name} KPIs`, "csv", dueAt), contentType: CONTENT_TYPES.csv, encoding: "base64", content: Buffer.from(kpiCsv(lines, period)).toString("base64") }],
    }),
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
