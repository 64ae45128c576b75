import type { ReactNode } from "react";
import { FormProvider, useFormState, type FieldValues, type UseFormReturn } from "react-hook-form";
import { cn } from "../lib/cn.ts";
import { Button, type ButtonProps } from "../primitives/button.tsx";

/** Where Form puts the message of an error thrown by onSubmit. */
export const SERVER_ERROR_KEY = "root.server" as const;

export interface FormProps<TValues extends FieldValues, TContext, TOutput> {
  form: UseFormReturn<TValues, TContext, TOutput>;
  /**
   * Runs with the validated values. If it throws, the error's message is shown by <FormError/> and the
   * form stays as the user left it.
   */
  onSubmit: (values: TOutput) => void | Promise<void>;
  children: ReactNode;
  className?: string;
  id?: string;
}

/** A <form> bound to a useZodForm form: validates, submits, and catches submit errors for FormError. */
export function Form<TValues extends FieldValues, TContext, TOutput>({
  form,
  onSubmit,
  children,
  className,
  id,
}: FormProps<TValues, TContext, TOutput>) {
  const submit = form.handleSubmit(async (values) => {
    form.clearErrors(SERVER_ERROR_KEY);
    try {
      await onSubmit(values);
    } catch (error) {
      form.setError(SERVER_ERROR_KEY, {
        type: "server",
        message: error instanceof Error ? error.message : "The form could not be saved.",
      });
    }
  });
  return (
    <FormProvider {...form}>
      <form id={id} noValidate onSubmit={(event) => void submit(event)} className={cn("flex flex-col gap-4", className)}>
        {children}
      </form>
    </FormProvider>
  );
}

/** Shows the error thrown by the last submit (e.g. "Email already in use"), if any. */
export function FormError({ className }: { className?: string }) {
  const { errors } = useFormState();
  const message = (errors.root as { server?: { message?: string } } | undefined)?.server?.message;
  if (!message) return null;
  return (
    <div
      role="alert"
      className={cn(
        "rounded-md border border-destructive/30 bg-destructive/10 px-3 py-2 text-sm text-destructive",
        className,
      )}
    >
      {message}
    </div>
  );
}

/** The submit button of a Form: spins while submitting. */
export function SubmitButton({ children, variant = "primary", ...props }: Omit<ButtonProps, "type">) {
  const { isSubmitting } = useFormState();
  return (
    <Button type="submit" variant={variant} loading={isSubmitting} {...props}>
      {children}
    </Button>
  );
}
