import { describe, expect, it } from "vitest";
import { toInstalledPlugin } from "./installed-plugins.ts";
import { pluginsToLoad } from "./load-web-plugins.ts";

const entry = (over: Record<string, unknown> = {}) =>
  ({
    id: "territories",
    name: "Territories",
    version: "1.0.0",
    description: "",
    health: "healthy",
    reason: null,
    enabled: true,
    permissions: ["territories.plans.view"],
    slots: {},
    web: { entry: "/plugins/territories/web.js", style: null },
    ...over,
  }) as Parameters<typeof toInstalledPlugin>[0];

describe("the plugins a page loads", () => {
  it("loads an enabled, healthy plugin with a web part whose permissions the user holds", () => {
    expect(pluginsToLoad([toInstalledPlugin(entry())]).map((p) => p.id)).toEqual(["territories"]);
  });

  it("skips a disabled, an unhealthy, a hidden and a page-less plugin", () => {
    const plugins = [
      entry({ id: "off", enabled: false }),
      entry({ id: "broken", health: "unhealthy", enabled: false }),
      entry({ id: "hidden", permissions: [] }),
      entry({ id: "backend-only", web: null }),
    ].map(toInstalledPlugin);
    expect(pluginsToLoad(plugins)).toEqual([]);
  });

  it("trusts the host's `visible` when it sends one, and finds the bundle at its usual place when it sends no `web`", () => {
    const forEveryone = toInstalledPlugin(entry({ permissions: [], visible: true }));
    expect(forEveryone.visible).toBe(true);
    const { web: _web, ...withoutWeb } = entry();
    expect(toInstalledPlugin(withoutWeb as never).web).toEqual({ entry: "/plugins/territories/web.js", style: null });
  });
});
