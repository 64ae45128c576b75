import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type FieldValues, type UseFormProps, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";

/** The input and output types of a zod object schema, as react-hook-form sees them. */
export type ZodFormSchema = z.ZodType<FieldValues, FieldValues>;

export type UseZodFormOptions<TSchema extends ZodFormSchema> = Omit<
  UseFormProps<z.input<TSchema>, unknown, z.output<TSchema>>,
  "resolver"
>;

/**
 * A react-hook-form form validated by a zod schema (the same schema the tRPC procedure takes, from the plugin's
 * `./common`). Submitted values are the schema's output; messages come from the schema.
 */
export function useZodForm<TSchema extends ZodFormSchema>(
  schema: TSchema,
  options: UseZodFormOptions<TSchema> = {},
): UseFormReturn<z.input<TSchema>, unknown, z.output<TSchema>> {
  return useForm<z.input<TSchema>, unknown, z.output<TSchema>>({
    mode: "onTouched",
    ...options,
    resolver: zodResolver(schema),
  });
}
