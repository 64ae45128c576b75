import { defineWebPlugin } from "@opsdeck/plugin-sdk/web";
import "./styles.css";
import { duplicateNav, duplicateRoutes } from "./duplicates/routes.ts";
import { dataQualityWidget, qualityNav, qualityRoutes } from "./quality/routes.ts";

export default defineWebPlugin({
  id: "crm-hygiene",
  routes: [...qualityRoutes, ...duplicateRoutes],
  nav: [...qualityNav, ...duplicateNav],
  slots: { "reporting.dashboard.widget": [dataQualityWidget] },
});
