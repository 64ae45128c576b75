import { sql, type SQL } from "drizzle-orm";

/**
 * SQL for an amount in the organization's currency: the amount times the rate of its currency valid on
 * `day` (core.exchange_rates, latest `valid_from` on or before it). Unrounded: callers sum first and round
 * the total half-even in TypeScript (docs/decisions/003-money.md). A currency without a rate gives null.
 */
export function orgAmountSql(input: { amount: string; currency: string; orgCurrency: string; organizationId: string; day: SQL | string }): SQL {
  const day = typeof input.day === "string" ? sql`${input.day}::date` : input.day;
  return sql`(case when ${sql.raw(input.currency)} = ${input.orgCurrency} then ${sql.raw(input.amount)}::numeric
    else ${sql.raw(input.amount)}::numeric * (select xr.rate from core.exchange_rates xr
      where xr.organization_id = ${input.organizationId}::uuid and xr.currency = ${sql.raw(input.currency)} and xr.valid_from <= ${day}
      order by xr.valid_from desc limit 1) end)`;
}
