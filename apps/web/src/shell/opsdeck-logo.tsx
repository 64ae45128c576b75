import { cn } from "@opsdeck/ui";

/** The Opsdeck mark and word. */
export function OpsdeckLogo({ className, compact = false }: { className?: string; compact?: boolean }) {
  return (
    <span className={cn("inline-flex items-center gap-2 font-semibold tracking-tight text-foreground", className)}>
      <svg viewBox="0 0 32 32" aria-hidden="true" className="h-full max-h-8 w-auto shrink-0">
        <rect width="32" height="32" rx="7" className="fill-primary" />
        <path d="M9 11h14M9 16h9M9 21h12" stroke="white" strokeWidth="2.6" strokeLinecap="round" />
      </svg>
      {compact ? null : <span className="text-base">Opsdeck</span>}
    </span>
  );
}
