// What other areas of the plugin use from forecasts (the dashboards' forecast_accuracy).
export { forecastAtCutoff, forecastCutoff, FORECAST_CUTOFF_DAYS, type ForecastAtCutoff, type ForecastScope } from "./forecast-at-cutoff.ts";
