import { useParams } from "@tanstack/react-router";
import { PluginUnavailablePage } from "../../../plugins/plugin-pages.tsx";

export function PluginFallbackPage() {
  const { pluginId } = useParams({ from: "/_app/$pluginId/$" });
  return (
    <div className="p-4 md:p-6">
      <PluginUnavailablePage pluginId={pluginId} />
    </div>
  );
}
