// Shared look of text-like controls (Input, Textarea, Select trigger, search boxes) so they line up.
export const controlClasses = [
  "w-full min-w-0 rounded-md border border-input bg-background text-sm text-foreground shadow-xs",
  "placeholder:text-muted-foreground transition-[color,box-shadow,border-color] outline-none",
  "focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25 focus-visible:outline-none",
  "aria-invalid:border-destructive aria-invalid:focus-visible:ring-destructive/25",
  "disabled:cursor-not-allowed disabled:opacity-50",
].join(" ");
