import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { Checkbox } from "../primitives/checkbox.tsx";
import { Input } from "../primitives/input.tsx";
import { Field } from "./field.tsx";
import { Form, FormError, SubmitButton } from "./form.tsx";
import { useZodForm } from "./use-zod-form.ts";

const schema = z.object({
  email: z.email("Enter a valid email address."),
  seats: z.coerce.number<string>().int().min(1, "At least one seat."),
  terms: z.literal(true, { error: "Accept the terms." }),
});

function Signup({ onSubmit }: { onSubmit: (values: z.output<typeof schema>) => void | Promise<void> }) {
  const form = useZodForm(schema, { defaultValues: { email: "", seats: "", terms: false as unknown as true } });
  return (
    <Form form={form} onSubmit={onSubmit}>
      <FormError />
      <Field control={form.control} name="email" label="Email" description="We send the invoice here." render={({ field }) => <Input {...field} />} />
      <Field control={form.control} name="seats" label="Seats" render={({ field }) => <Input inputMode="numeric" {...field} />} />
      <Field
        control={form.control}
        name="terms"
        label="I accept the terms"
        layout="inline"
        render={({ field }) => (
          <Checkbox
            id={field.id}
            aria-invalid={field["aria-invalid"]}
            aria-describedby={field["aria-describedby"]}
            checked={field.value === true}
            onCheckedChange={(checked) => field.onChange(checked === true)}
          />
        )}
      />
      <SubmitButton>Create</SubmitButton>
    </Form>
  );
}

describe("Form with useZodForm and Field", () => {
  it("shows each zod message inline, wired to its control", async () => {
    const onSubmit = vi.fn();
    render(<Signup onSubmit={onSubmit} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Create" }));

    const email = screen.getByLabelText("Email");
    expect(await screen.findByText("Enter a valid email address.")).toBeInTheDocument();
    expect(screen.getByText("At least one seat.")).toBeInTheDocument();
    expect(screen.getByText("Accept the terms.")).toBeInTheDocument();
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(email).toHaveAccessibleDescription("We send the invoice here. Enter a valid email address.");
    expect(screen.getByRole("checkbox", { name: "I accept the terms" })).toHaveAttribute("aria-invalid", "true");
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("clears a message once the value is fixed and submits the parsed output", async () => {
    const onSubmit = vi.fn();
    render(<Signup onSubmit={onSubmit} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Create" }));
    await screen.findByText("Enter a valid email address.");

    await user.type(screen.getByLabelText("Email"), "ava@acme.com");
    expect(screen.queryByText("Enter a valid email address.")).toBeNull();
    expect(screen.getByLabelText("Email")).toHaveAttribute("aria-invalid", "false");

    await user.type(screen.getByLabelText("Seats"), "12");
    await user.click(screen.getByRole("checkbox", { name: "I accept the terms" }));
    await user.click(screen.getByRole("button", { name: "Create" }));
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledOnce());
    // The schema's output: seats coerced to a number.
    expect(onSubmit.mock.calls[0]?.[0]).toEqual({ email: "ava@acme.com", seats: 12, terms: true });
  });

  it("shows an error thrown by onSubmit and keeps the values", async () => {
    render(
      <Signup
        onSubmit={async () => {
          await Promise.resolve();
          throw new Error("ava@acme.com is already a member.");
        }}
      />,
    );
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Email"), "ava@acme.com");
    await user.type(screen.getByLabelText("Seats"), "3");
    await user.click(screen.getByRole("checkbox", { name: "I accept the terms" }));
    await user.click(screen.getByRole("button", { name: "Create" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("ava@acme.com is already a member.");
    expect(screen.getByLabelText("Email")).toHaveValue("ava@acme.com");
    expect(screen.getByRole("button", { name: "Create" })).not.toBeDisabled();
  });
});
