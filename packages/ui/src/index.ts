// @opsdeck/ui: the design system shared by the shell and every plugin (one copy at run time, via the import map).
// Named exports only; the stylesheet is `@opsdeck/ui/styles.css`.

// Foundations
export { cn } from "./lib/cn.ts";
export { formatMoney, isDecimalString, type FormatMoneyOptions } from "./lib/format/format-money.ts";
export {
  formatNumber,
  formatPercent,
  type FormatNumberOptions,
  type FormatPercentOptions,
} from "./lib/format/format-number.ts";
export {
  formatDate,
  formatRelativeTime,
  toDate,
  type DateInput,
  type FormatDateOptions,
  type FormatRelativeTimeOptions,
} from "./lib/format/format-date.ts";
export { downloadCsv, escapeCsvField, toCsv, type CsvCell } from "./lib/csv.ts";

// Theme
export {
  THEME_STORAGE_KEY,
  applyTheme,
  getResolvedTheme,
  getThemePreference,
  setThemePreference,
  subscribeTheme,
  themeInitScript,
  type ResolvedTheme,
  type ThemePreference,
} from "./theme/theme-store.ts";
export { useTheme, type UseThemeResult } from "./theme/use-theme.ts";
export { ThemeToggle, type ThemeToggleProps } from "./theme/theme-toggle.tsx";

// Layout
export { AppShell, type AppShellProps } from "./layout/app-shell.tsx";
export { Sidebar, type SidebarNavGroup, type SidebarNavItem, type SidebarProps } from "./layout/sidebar.tsx";
export { Topbar, type TopbarProps } from "./layout/topbar.tsx";
export { PageHeader, type Breadcrumb, type PageHeaderProps } from "./layout/page-header.tsx";
export {
  LinkProvider,
  useLinkComponent,
  type LinkComponent,
  type LinkComponentProps,
} from "./layout/link-context.tsx";

// Primitives
export { Button, buttonVariants, type ButtonProps } from "./primitives/button.tsx";
export { IconButton, type IconButtonProps } from "./primitives/icon-button.tsx";
export { Spinner } from "./primitives/spinner.tsx";
export { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "./primitives/card.tsx";
export { Badge, badgeVariants, type BadgeProps, type BadgeTone } from "./primitives/badge.tsx";
export { Label } from "./primitives/label.tsx";
export { Input } from "./primitives/input.tsx";
export { Textarea } from "./primitives/textarea.tsx";
export {
  Select,
  SelectContent,
  SelectGroup,
  SelectItem,
  SelectLabel,
  SelectRoot,
  SelectSeparator,
  SelectTrigger,
  SelectValue,
  type SelectOption,
  type SelectProps,
} from "./primitives/select.tsx";
export { Checkbox } from "./primitives/checkbox.tsx";
export { Switch } from "./primitives/switch.tsx";
export { RadioGroup, RadioGroupItem } from "./primitives/radio-group.tsx";
export { Tabs, TabsContent, TabsList, TabsTrigger } from "./primitives/tabs.tsx";
export {
  Tooltip,
  TooltipContent,
  TooltipProvider,
  TooltipRoot,
  TooltipTrigger,
  type TooltipProps,
} from "./primitives/tooltip.tsx";
export { Popover, PopoverAnchor, PopoverClose, PopoverContent, PopoverTrigger } from "./primitives/popover.tsx";
export {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuShortcut,
  DropdownMenuSub,
  DropdownMenuSubContent,
  DropdownMenuSubTrigger,
  DropdownMenuTrigger,
} from "./primitives/dropdown-menu.tsx";
export { Progress, type ProgressProps } from "./primitives/progress.tsx";
export { Skeleton } from "./primitives/skeleton.tsx";

// Forms
export { useZodForm, type UseZodFormOptions, type ZodFormSchema } from "./forms/use-zod-form.ts";
export { Form, FormError, SubmitButton, SERVER_ERROR_KEY, type FormProps } from "./forms/form.tsx";
export { Field, type FieldControlProps, type FieldProps } from "./forms/field.tsx";

// Feedback
export { StatusBadge, statusLook, type StatusBadgeProps } from "./feedback/status-badge.tsx";
export { EmptyState, type EmptyStateProps } from "./feedback/empty-state.tsx";
export { LoadingState, type LoadingStateProps } from "./feedback/loading-state.tsx";
export { ErrorState, type ErrorStateProps } from "./feedback/error-state.tsx";
export { ErrorCard, type ErrorCardProps } from "./feedback/error-card.tsx";

// Overlays
export {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogOverlay,
  DialogPortal,
  DialogTitle,
  DialogTrigger,
  type DialogContentProps,
} from "./overlays/dialog.tsx";
export { ConfirmDialog, type ConfirmDialogProps } from "./overlays/confirm-dialog.tsx";
export {
  Sheet,
  SheetClose,
  SheetContent,
  SheetDescription,
  SheetFooter,
  SheetHeader,
  SheetTitle,
  SheetTrigger,
  type SheetContentProps,
} from "./overlays/sheet.tsx";
export { Toaster, toast, type ToasterProps } from "./overlays/toaster.tsx";
export {
  CommandPalette,
  type CommandPaletteGroup,
  type CommandPaletteItem,
  type CommandPaletteProps,
} from "./overlays/command-palette.tsx";
export { CommandPaletteTrigger, type CommandPaletteTriggerProps } from "./overlays/command-palette-trigger.tsx";
export {
  useCommandPaletteShortcut,
  type CommandPaletteShortcutOptions,
} from "./overlays/use-command-palette-shortcut.ts";

// Data display
export { StatTile, type StatDelta, type StatTileProps } from "./data/stat-tile.tsx";
export { Sparkline, type SparklineProps } from "./data/sparkline.tsx";
export { Pagination, type PaginationProps } from "./data/pagination.tsx";
export { Calendar, type CalendarProps } from "./data/calendar.tsx";
export { DateRangePicker, formatDateRange, type DateRangePickerProps } from "./data/date-range-picker.tsx";
export {
  getDateRangePresets,
  matchDateRangePreset,
  type DateRange,
  type DateRangePreset,
  type DateRangePresetOptions,
} from "./data/date-range-presets.ts";

// DataTable
export {
  type DataTableExportContext,
  type DataTableProps,
  type DataTableSelection,
  type DataTableVirtualOptions,
} from "./data-table/data-table-props.ts";
export { DataTable } from "./data-table/data-table.tsx";
export {
  createDataTableState,
  type DataTableFilterProps,
  type DataTableState,
} from "./data-table/data-table-types.ts";
export { columnVisibilityKey } from "./data-table/use-column-visibility.ts";
export { createColumnHelper, type ColumnDef, type RowSelectionState, type SortingState } from "@tanstack/react-table";

// Charts
export { LineChart } from "./charts/line-chart.tsx";
export { BarChart, type BarChartProps } from "./charts/bar-chart.tsx";
export { AreaChart, type AreaChartProps } from "./charts/area-chart.tsx";
export { PieChart, type PieChartProps, type PieSlice } from "./charts/pie-chart.tsx";
export { FunnelChart, type FunnelChartProps, type FunnelStage } from "./charts/funnel-chart.tsx";
export { ChartLegend, type ChartLegendItem } from "./charts/chart-frame.tsx";
export type { CartesianChartProps } from "./charts/cartesian.tsx";
export { chartColor, type ChartDatum, type ChartSeries, type ChartValueFormatter } from "./charts/chart-data.ts";
