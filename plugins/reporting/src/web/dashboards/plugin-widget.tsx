import { PluginScope, useSlotContributions } from "@opsdeck/plugin-sdk/web";
import { Card, CardContent, CardHeader, CardTitle, EmptyState, Skeleton } from "@opsdeck/ui";
import { Puzzle } from "lucide-react";
import type { DashboardFilters, DashboardWidgetProps } from "../../common.ts";

// The slot name as a literal: importing values from common.ts would bundle zod into the web part.
const DASHBOARD_WIDGET_SLOT = "reporting.dashboard.widget";

/** The widgets other plugins contribute to `reporting.dashboard.widget` (enabled plugins the user may see). */
export const usePluginWidgets = () => useSlotContributions<DashboardWidgetProps>(DASHBOARD_WIDGET_SLOT);

/** A contributed widget, placed like any other: inside its plugin's error boundary, given the shared filters. */
export function PluginWidget(props: { pluginId: string; contributionId: string; title?: string; size: DashboardWidgetProps["size"]; filters: DashboardFilters }) {
  const contribution = usePluginWidgets().find((c) => c.pluginId === props.pluginId && c.id === props.contributionId);
  const title = props.title ?? contribution?.title ?? "Widget";
  if (!contribution) {
    return (
      <Card className="h-full">
        <CardContent className="pt-6">
          <EmptyState size="compact" icon={<Puzzle />} title={`${title} is unavailable`} text={`The ${props.pluginId} plugin is not enabled for you.`} />
        </CardContent>
      </Card>
    );
  }
  const Widget = contribution.component;
  return (
    <Card className="h-full">
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent>
        <PluginScope pluginId={contribution.pluginId} fallback={<Skeleton className="h-24 w-full" />}>
          <Widget filters={props.filters} size={props.size} />
        </PluginScope>
      </CardContent>
    </Card>
  );
}
