import { useOrganization } from "@opsdeck/plugin-sdk/web";
import { Card, CardContent, formatDate, formatMoney } from "@opsdeck/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { Page } from "../../../../components/page.tsx";
import { trpc } from "../../../../lib/trpc.ts";
import { recordLabel } from "../../../../shell/record-label.ts";

const HIDDEN = new Set(["id", "organizationId", "deletedAt"]);
const MONEY = new Set(["amount", "annualRevenue"]);
const TITLES = { accounts: "Accounts", contacts: "Contacts", leads: "Leads", opportunities: "Opportunities" } as const;

function humanize(field: string): string {
  const words = field.replace(/Id$/, "").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words[0]!.toUpperCase() + words.slice(1);
}

function show(field: string, value: unknown, currency: string): string {
  if (value === null || value === undefined || value === "") return "—";
  if (MONEY.has(field) && typeof value === "string") return formatMoney(value, currency);
  if (value instanceof Date) return formatDate(value, { withTime: true });
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  return JSON.stringify(value);
}

/** One record, every field. */
export function RecordDetailPage() {
  const { entity, recordId } = useParams({ from: "/_app/records/$entity/$recordId" });
  const organization = useOrganization();
  const { data } = useSuspenseQuery(trpc.records.get.queryOptions({ entity, id: recordId }));
  const row = data as Record<string, unknown>;
  const currency = (row.currency as string | undefined) ?? organization.currency;
  const fields = Object.keys(row).filter((f) => !HIDDEN.has(f));
  return (
    <Page title={recordLabel(entity, row)} breadcrumbs={[{ label: TITLES[entity], href: `/records/${entity}` }, { label: recordLabel(entity, row) }]}>
      <Card className="max-w-3xl">
        <CardContent className="pt-5">
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
            {fields.map((field) => (
              <div key={field} className="contents">
                <dt className="text-sm text-muted-foreground">{humanize(field)}</dt>
                <dd className="text-sm break-words">
                  {field === "accountId" && typeof row.accountId === "string" ? (
                    <Link to="/records/$entity/$recordId" params={{ entity: "accounts", recordId: row.accountId }} className="text-primary underline-offset-4 hover:underline">
                      Open the account
                    </Link>
                  ) : (
                    show(field, row[field], currency)
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
    </Page>
  );
}
