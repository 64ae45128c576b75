import { useId, type ReactNode } from "react";
import {
  useController,
  type Control,
  type ControllerFieldState,
  type ControllerRenderProps,
  type FieldPath,
  type FieldValues,
} from "react-hook-form";
import { cn } from "../lib/cn.ts";
import { Label } from "../primitives/label.tsx";

export interface FieldControlProps<TValues extends FieldValues, TName extends FieldPath<TValues>>
  extends ControllerRenderProps<TValues, TName> {
  id: string;
  "aria-invalid": boolean;
  "aria-describedby": string | undefined;
}

export interface FieldProps<
  TValues extends FieldValues,
  TName extends FieldPath<TValues>,
  TContext = unknown,
  TOutput = TValues,
> {
  control: Control<TValues, TContext, TOutput>;
  name: TName;
  label?: ReactNode;
  description?: ReactNode;
  /** Adds a discreet asterisk; the schema decides what is actually required. */
  required?: boolean;
  /** `inline` puts a Checkbox or Switch before its label. */
  layout?: "stacked" | "inline";
  className?: string;
  /** Renders the control with `field` spread on it (value, onChange, onBlur, ref, id and aria wiring). */
  render: (props: { field: FieldControlProps<TValues, TName>; fieldState: ControllerFieldState }) => ReactNode;
}

/** A labelled form control bound to one field, with its description and its zod validation message inline. */
export function Field<TValues extends FieldValues, TName extends FieldPath<TValues>, TContext = unknown, TOutput = TValues>({
  control,
  name,
  label,
  description,
  required = false,
  layout = "stacked",
  className,
  render,
}: FieldProps<TValues, TName, TContext, TOutput>) {
  const { field, fieldState } = useController({ control, name });
  const id = useId();
  const descriptionId = description ? `${id}-description` : undefined;
  const messageId = fieldState.error ? `${id}-message` : undefined;
  const describedBy = [descriptionId, messageId].filter(Boolean).join(" ") || undefined;
  const control_ = render({
    field: { ...field, id, "aria-invalid": Boolean(fieldState.error), "aria-describedby": describedBy },
    fieldState,
  });
  const labelNode = label ? (
    <Label htmlFor={id} className={cn(layout === "inline" && "font-normal")}>
      {label}
      {required ? (
        <span aria-hidden="true" className="ml-0.5 text-muted-foreground">
          *
        </span>
      ) : null}
    </Label>
  ) : null;

  return (
    <div className={cn("flex flex-col gap-1.5", className)} data-invalid={fieldState.error ? "" : undefined}>
      {layout === "inline" ? (
        <div className="flex items-center gap-2">
          {control_}
          {labelNode}
        </div>
      ) : (
        <>
          {labelNode}
          {control_}
        </>
      )}
      {description ? (
        <p id={descriptionId} className="text-xs text-muted-foreground">
          {description}
        </p>
      ) : null}
      {fieldState.error?.message ? (
        <p id={messageId} className="text-xs font-medium text-destructive">
          {fieldState.error.message}
        </p>
      ) : null}
    </div>
  );
}
