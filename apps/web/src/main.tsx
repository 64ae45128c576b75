import "./styles.css";
import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { sessionQuery } from "./lib/auth-api.ts";
import { queryClient } from "./lib/query-client.ts";
import { platformQuery } from "./plugins/installed-plugins.ts";
import { loadWebPlugins, pluginsToLoad, type PluginLoad } from "./plugins/load-web-plugins.ts";
import { createAppRouter } from "./router.tsx";

const PUBLIC_PATHS = ["/sign-in", "/accept-invitation", "/reset-password"];

/** Which plugin bundles this page needs: none on the signed-out pages, else the enabled ones the user may see. */
async function loadPlugins(): Promise<PluginLoad[]> {
  if (PUBLIC_PATHS.includes(window.location.pathname)) return [];
  // Both requests start together; the plugin list only matters with a session.
  const [session, platform] = await Promise.all([
    queryClient.fetchQuery(sessionQuery).catch(() => null),
    queryClient.fetchQuery(platformQuery).catch(() => null),
  ]);
  if (!session || !platform?.user) return [];
  const loads = await loadWebPlugins(pluginsToLoad(platform.plugins));
  sessionStorage.removeItem("opsdeck.plugin-reload");
  return loads;
}

async function start() {
  const plugins = await loadPlugins();
  const router = createAppRouter(queryClient, plugins);
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
}

void start();
