import { PlugZap, RotateCw } from "lucide-react";
import { useId, useState } from "react";
import { cn } from "../lib/cn.ts";
import { Button } from "../primitives/button.tsx";

export interface ErrorCardProps {
  /** The plugin that crashed, by id or name: the user must know whose fault it is. */
  plugin: string;
  /** The error message (not the stack: that goes to `details`, folded). */
  message?: string;
  /** Technical details (a stack, an error id) shown folded for support. */
  details?: string;
  onRetry?: () => void;
  className?: string;
}

/** What a plugin's page or slot shows when it crashed: names the plugin, the message, and a retry. */
export function ErrorCard({ plugin, message, details, onRetry, className }: ErrorCardProps) {
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  return (
    <div
      role="alert"
      data-plugin={plugin}
      className={cn(
        "flex flex-col gap-3 rounded-lg border border-destructive/30 bg-destructive/5 p-4 text-sm",
        className,
      )}
    >
      <div className="flex items-start gap-3">
        <div
          aria-hidden="true"
          className="grid size-8 shrink-0 place-items-center rounded-md bg-destructive/10 text-destructive"
        >
          <PlugZap className="size-4" />
        </div>
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <p className="font-semibold text-foreground">
            The <span className="font-mono text-[0.8125rem]">{plugin}</span> plugin stopped working
          </p>
          <p className="break-words text-muted-foreground">
            {message ?? "It hit an unexpected error."} The rest of Opsdeck keeps running.
          </p>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2 pl-11">
        {onRetry ? (
          <Button size="sm" onClick={onRetry}>
            <RotateCw aria-hidden="true" />
            Retry
          </Button>
        ) : null}
        {details ? (
          <Button
            size="sm"
            variant="ghost"
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={() => setOpen((value) => !value)}
          >
            {open ? "Hide details" : "Show details"}
          </Button>
        ) : null}
      </div>
      {details && open ? (
        <pre
          id={detailsId}
          className="ml-11 max-h-48 overflow-auto rounded-md border border-border bg-muted p-2 font-mono text-xs whitespace-pre-wrap text-muted-foreground"
        >
          {details}
        </pre>
      ) : null}
    </div>
  );
}
