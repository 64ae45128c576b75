import { createFileRoute } from "@tanstack/react-router";
import { PluginFallbackPage } from "../-components/plugin-fallback-page.tsx";

// `/<plugin id>/…` for a plugin whose pages are not loaded here: disabled, hidden, broken or unknown.
export const Route = createFileRoute("/_app/$pluginId/$")({
  component: PluginFallbackPage,
});
