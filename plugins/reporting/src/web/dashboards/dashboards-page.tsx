import { usePermissions } from "@opsdeck/plugin-sdk/web";
import {
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardTitle,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  ErrorState,
  Input,
  Label,
  LoadingState,
  PageHeader,
  Switch,
  toast,
  useLinkComponent,
} from "@opsdeck/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { Plus } from "lucide-react";
import { useState } from "react";
import { errorText, useDashboardClient, useDashboardQueries } from "./api.ts";

const MANAGE = "reporting.dashboards.manage";

function NewDashboardDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const api = useDashboardClient();
  const q = useDashboardQueries();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);
  const create = useMutation({
    mutationFn: () => api.dashboards.create.mutate({ name: name.trim(), sharing: shared ? "organization" : "private" }),
    onSuccess: async (made) => {
      await client.invalidateQueries({ queryKey: q.dashboards.pathKey() });
      onOpenChange(false);
      void navigate({ to: "/reporting/dashboards/$dashboardId", params: { dashboardId: made.id }, search: { edit: true } });
    },
    onError: (err) => toast.error(errorText(err)),
  });
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) create.mutate();
          }}
          className="flex flex-col gap-4"
        >
          <DialogHeader>
            <DialogTitle>New dashboard</DialogTitle>
            <DialogDescription>Start empty, then add KPI tiles, charts, tables and plugin widgets.</DialogDescription>
          </DialogHeader>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="dashboard-name">Name</Label>
            <Input id="dashboard-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={120} autoFocus />
          </div>
          <div className="flex items-center gap-2">
            <Switch id="dashboard-shared" checked={shared} onCheckedChange={setShared} />
            <Label htmlFor="dashboard-shared">Share with everyone who sees dashboards</Label>
          </div>
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" disabled={!name.trim() || create.isPending}>
              Create
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Every dashboard the user may open: the five built in, then custom ones (theirs and shared). */
export function DashboardsPage() {
  const q = useDashboardQueries();
  const Link = useLinkComponent();
  const { has } = usePermissions();
  const list = useQuery(q.dashboards.list.queryOptions());
  const [creating, setCreating] = useState(false);
  return (
    <div className="flex flex-col gap-4 p-4 md:p-6">
      <PageHeader
        title="Dashboards"
        description="Sales KPIs for the period you pick; click any number to see the records behind it."
        actions={
          has(MANAGE) ? (
            <Button variant="primary" onClick={() => setCreating(true)}>
              <Plus aria-hidden="true" /> New dashboard
            </Button>
          ) : null
        }
      />
      {list.isPending ? <LoadingState label="Loading dashboards" /> : null}
      {list.isError ? <ErrorState message={errorText(list.error)} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {list.data.map((d) => (
            <Link
              key={d.id}
              href={`/reporting/dashboards/${d.id}`}
              className="rounded-lg outline-none focus-visible:ring-2 focus-visible:ring-ring"
            >
              <Card className="h-full transition-colors hover:border-input hover:bg-subtle">
                <CardContent className="flex flex-col gap-1.5 pt-5">
                  <div className="flex items-center justify-between gap-2">
                    <CardTitle>{d.name}</CardTitle>
                    {d.builtIn ? <Badge>Built in</Badge> : d.sharing === "organization" ? <Badge tone="info">Shared</Badge> : <Badge tone="outline">Private</Badge>}
                  </div>
                  <CardDescription>{d.description || `${d.widgets.length} widget${d.widgets.length === 1 ? "" : "s"}`}</CardDescription>
                </CardContent>
              </Card>
            </Link>
          ))}
        </div>
      ) : null}
      <NewDashboardDialog open={creating} onOpenChange={setCreating} />
    </div>
  );
}
