import { Slot, useCurrentUser, useOrganization, usePermissions } from "@opsdeck/plugin-sdk/web";
import { Card, CardContent, CardHeader, CardTitle, EmptyState, PageHeader, StatTile, formatNumber } from "@opsdeck/ui";
import { useSuspenseQueries } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { Building2, Handshake, LayoutGrid, Upload, UserRound, UserSearch } from "lucide-react";
import type { ReactNode } from "react";
import { useDocumentTitle } from "../../../lib/use-document-title.ts";
import { SEARCHABLE_ENTITIES, type SearchableEntity } from "../../../shell/record-label.ts";
import { homeCountsQueries } from "./home-queries.ts";

const TILES: Record<SearchableEntity, { label: string; icon: ReactNode }> = {
  accounts: { label: "Accounts", icon: <Building2 /> },
  contacts: { label: "Contacts", icon: <UserRound /> },
  leads: { label: "Leads", icon: <UserSearch /> },
  opportunities: { label: "Opportunities", icon: <Handshake /> },
};

function greeting(now = new Date()): string {
  const hour = now.getHours();
  return hour < 12 ? "Good morning" : hour < 18 ? "Good afternoon" : "Good evening";
}

function RecordCounts() {
  const navigate = useNavigate();
  const results = useSuspenseQueries({ queries: homeCountsQueries() });
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {SEARCHABLE_ENTITIES.map((entity, index) => (
        <StatTile
          key={entity}
          label={TILES[entity].label}
          icon={TILES[entity].icon}
          value={formatNumber(results[index]!.data.total)}
          onClick={() => void navigate({ to: "/records/$entity", params: { entity } })}
        />
      ))}
    </div>
  );
}

/** The home page: the organization's data at a glance, shortcuts, and widgets contributed by plugins. */
export function HomePage() {
  const user = useCurrentUser();
  const organization = useOrganization();
  const { has } = usePermissions();
  useDocumentTitle("Home");
  const firstName = user.name.split(/\s+/)[0] || user.name;
  return (
    <div className="flex flex-col gap-6 p-4 md:p-6">
      <PageHeader title={`${greeting()}, ${firstName}`} description={`Here is what is happening at ${organization.name}.`} />
      {has("core.records.read") ? <RecordCounts /> : null}
      <section aria-labelledby="widgets-heading" className="flex flex-col gap-3">
        <h2 id="widgets-heading" className="text-sm font-semibold text-muted-foreground">
          From your plugins
        </h2>
        <div className="grid gap-3 lg:grid-cols-2">
          <Slot
            name="core.home.widget"
            render={(element, contribution) => (
              <Card>
                {contribution.title ? (
                  <CardHeader>
                    <CardTitle>{contribution.title}</CardTitle>
                  </CardHeader>
                ) : null}
                <CardContent>{element}</CardContent>
              </Card>
            )}
            empty={
              <Card className="lg:col-span-2">
                <EmptyState
                  size="compact"
                  icon={<LayoutGrid />}
                  title="No widgets yet"
                  text="Plugins such as Reporting add their summaries here once they are enabled."
                />
              </Card>
            }
          />
        </div>
      </section>
      {has("core.import.run") ? (
        <Card>
          <CardContent className="flex flex-col gap-2 pt-5">
            <CardTitle>Bring your data</CardTitle>
            <p className="text-sm text-muted-foreground">Import accounts, contacts, leads and opportunities from a Salesforce or HubSpot CSV export.</p>
            <Link to="/import" className="inline-flex items-center gap-2 text-sm font-medium text-primary underline-offset-4 hover:underline">
              <Upload className="size-4" aria-hidden="true" /> Import a CSV file
            </Link>
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
