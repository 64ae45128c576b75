import { Toaster as Sonner, toast } from "sonner";
import { useTheme } from "../theme/use-theme.ts";

export { toast };

export interface ToasterProps {
  position?: "top-right" | "top-center" | "bottom-right" | "bottom-center" | "bottom-left" | "top-left";
}

/** Where toasts appear; render it once in the shell. Then call `toast("Saved")`, `toast.error(…)`, `toast.promise(…)`. */
export function Toaster({ position = "bottom-right" }: ToasterProps) {
  const { resolvedTheme } = useTheme();
  return (
    <Sonner
      theme={resolvedTheme}
      position={position}
      closeButton
      toastOptions={{
        classNames: {
          toast:
            "rounded-lg! border! border-border! bg-popover! text-popover-foreground! shadow-lg! text-sm! font-sans! gap-2!",
          description: "text-muted-foreground!",
          actionButton: "bg-primary! text-primary-foreground! rounded-md! font-medium!",
          cancelButton: "bg-muted! text-foreground! rounded-md!",
          closeButton: "bg-popover! border-border! text-muted-foreground!",
          success: "[&_[data-icon]]:text-success!",
          error: "[&_[data-icon]]:text-destructive!",
          warning: "[&_[data-icon]]:text-warning!",
          info: "[&_[data-icon]]:text-info!",
        },
      }}
    />
  );
}
