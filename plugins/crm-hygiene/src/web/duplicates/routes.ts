import type { WebPluginNavItem, WebPluginRoute } from "@opsdeck/plugin-sdk/web";
import { Copy } from "lucide-react";
import { DUPLICATES_READ, isDupEntity } from "./api.ts";
import { ClusterPage } from "./cluster-page.tsx";
import { MatchingRulesPage } from "./matching-rules-page.tsx";
import { QueuePage } from "./queue-page.tsx";

const score = (v: unknown) => {
  const n = typeof v === "number" ? v : Number(v);
  return Number.isFinite(n) && n >= 0 && n <= 1 ? n : undefined;
};

/** The duplicates area's pages: the review queue, one cluster side by side, the matching rules. */
export const duplicateRoutes: WebPluginRoute[] = [
  {
    path: "/duplicates",
    component: QueuePage,
    title: "Duplicates",
    permission: DUPLICATES_READ,
    validateSearch: (s) => ({
      entity: isDupEntity(s.entity) ? s.entity : undefined,
      status: s.status === "merged" || s.status === "dismissed" ? s.status : undefined,
      minScore: score(s.minScore),
    }),
  },
  { path: "/duplicates/rules", component: MatchingRulesPage, title: "Matching rules", permission: DUPLICATES_READ, validateSearch: (s) => ({ entity: isDupEntity(s.entity) ? s.entity : undefined }) },
  { path: "/duplicates/$clusterId", component: ClusterPage, title: "Duplicate cluster", permission: DUPLICATES_READ },
];

export const duplicateNav: WebPluginNavItem[] = [
  { label: "Duplicates", to: "/duplicates", icon: Copy, permission: DUPLICATES_READ, keywords: ["dedupe", "merge", "matching", "clusters", "unmerge"] },
];
