import { toast } from "@opsdeck/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { errorMessage } from "../../../../lib/http.ts";
import { trpc } from "../../../../lib/trpc.ts";
import { platformQuery } from "../../../../plugins/installed-plugins.ts";

/** Turns a plugin on or off for the organization; the sidebar, permissions and plugin pages follow at once. */
export function usePluginToggle() {
  const queryClient = useQueryClient();
  const onSuccess = (result: { pluginId: string; enabled: boolean }, name: string) => {
    toast.success(`${name} is now ${result.enabled ? "enabled" : "disabled"}.`);
    void queryClient.invalidateQueries({ queryKey: trpc.plugins.list.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.roles.matrix.queryKey() });
    void queryClient.invalidateQueries({ queryKey: platformQuery.queryKey });
  };
  const enable = useMutation(trpc.plugins.enable.mutationOptions());
  const disable = useMutation(trpc.plugins.disable.mutationOptions());
  return {
    pending: enable.isPending || disable.isPending,
    async set(plugin: { id: string; name: string | null }, enabled: boolean) {
      try {
        const result = enabled ? await enable.mutateAsync({ pluginId: plugin.id }) : await disable.mutateAsync({ pluginId: plugin.id });
        onSuccess(result, plugin.name ?? plugin.id);
      } catch (error) {
        toast.error(errorMessage(error));
      }
    },
  };
}
