import { useOrganization, usePermissions } from "@opsdeck/plugin-sdk/web";
import { Badge, Card, CardContent, formatDate, formatMoney } from "@opsdeck/ui";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { Link, useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { Page } from "../../../../components/page.tsx";
import { trpc } from "../../../../lib/trpc.ts";
import { recordLabel, type SearchableEntity } from "../../../../shell/record-label.ts";
import { ConvertLeadDialog, type LeadRow } from "./convert-lead-dialog.tsx";

const HIDDEN = new Set(["id", "organizationId", "deletedAt"]);
const MONEY = new Set(["amount", "annualRevenue"]);
const TITLES = { accounts: "Accounts", contacts: "Contacts", leads: "Leads", opportunities: "Opportunities" } as const;
/** Fields that point to another record, shown as a link to it. */
const REFERENCES: Record<string, { entity: SearchableEntity; noun: string }> = {
  accountId: { entity: "accounts", noun: "account" },
  convertedContactId: { entity: "contacts", noun: "contact" },
  convertedAccountId: { entity: "accounts", noun: "account" },
  convertedOpportunityId: { entity: "opportunities", noun: "opportunity" },
};
const CONVERTED_INTO = ["convertedContactId", "convertedAccountId", "convertedOpportunityId"] as const;

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

/** A record the lead became, by name once it is loaded. */
function ConvertedInto({ entity, id, noun }: { entity: SearchableEntity; id: string; noun: string }) {
  const record = useQuery(trpc.records.get.queryOptions({ entity, id }));
  return (
    <span>
      <span className="text-muted-foreground">{noun[0]!.toUpperCase() + noun.slice(1)}: </span>
      <Link to="/records/$entity/$recordId" params={{ entity, recordId: id }} className="font-medium text-primary underline-offset-4 hover:underline">
        {record.data ? recordLabel(entity, record.data) : `Open the ${noun}`}
      </Link>
    </span>
  );
}

/** What a converted lead became (leads converted before Opsdeck recorded it have no links). */
function LeadConversion({ lead }: { lead: Record<string, unknown> }) {
  const into = CONVERTED_INTO.flatMap((field) => (typeof lead[field] === "string" ? [{ field, id: lead[field], ...REFERENCES[field]! }] : []));
  return (
    <Card className="max-w-3xl" role="region" aria-label="Conversion">
      <CardContent className="flex flex-wrap items-center gap-x-5 gap-y-2 pt-5 text-sm">
        <Badge tone="success">Converted</Badge>
        {lead.convertedAt ? <span className="text-muted-foreground">{formatDate(lead.convertedAt as Date)}</span> : null}
        {into.map((r) => (
          <ConvertedInto key={r.field} entity={r.entity} id={r.id} noun={r.noun} />
        ))}
      </CardContent>
    </Card>
  );
}

/** One record, every field; a lead can be converted here, and shows what it became once it is. */
export function RecordDetailPage() {
  const { entity, recordId } = useParams({ from: "/_app/records/$entity/$recordId" });
  const { convertInto } = useSearch({ from: "/_app/records/$entity/$recordId" });
  const navigate = useNavigate({ from: "/records/$entity/$recordId" });
  const organization = useOrganization();
  const { has } = usePermissions();
  const { data } = useSuspenseQuery(trpc.records.get.queryOptions({ entity, id: recordId }));
  const row = data as LeadRow;
  const currency = (row.currency as string | undefined) ?? organization.currency;
  const fields = Object.keys(row).filter((f) => !HIDDEN.has(f));
  const converted = entity === "leads" && (row.status === "converted" || typeof row.convertedContactId === "string");
  const convert =
    entity === "leads" && !converted && has("core.records.write") ? (
      <ConvertLeadDialog
        key={`${recordId}:${convertInto ?? ""}`}
        lead={row}
        intoContactId={convertInto}
        onOpenChange={(open) => {
          if (!open && convertInto) void navigate({ search: {}, replace: true });
        }}
      />
    ) : null;
  return (
    <Page
      title={recordLabel(entity, row)}
      breadcrumbs={[{ label: TITLES[entity], href: `/records/${entity}` }, { label: recordLabel(entity, row) }]}
      actions={convert}
    >
      {converted ? <LeadConversion lead={row} /> : null}
      <Card className="max-w-3xl">
        <CardContent className="pt-5">
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
            {fields.map((field) => {
              const reference = REFERENCES[field];
              const value = row[field];
              return (
                <div key={field} className="contents">
                  <dt className="text-sm text-muted-foreground">{humanize(field)}</dt>
                  <dd className="text-sm break-words">
                    {reference && typeof value === "string" ? (
                      <Link to="/records/$entity/$recordId" params={{ entity: reference.entity, recordId: value }} className="text-primary underline-offset-4 hover:underline">
                        Open the {reference.noun}
                      </Link>
                    ) : (
                      show(field, value, currency)
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
        </CardContent>
      </Card>
    </Page>
  );
}
