import type { Meta, StoryObj } from "@storybook/react-vite";
import { useEffect } from "react";
import { z } from "zod";
import { Button } from "../primitives/button.tsx";
import { Card, CardContent, CardHeader, CardTitle } from "../primitives/card.tsx";
import { Checkbox } from "../primitives/checkbox.tsx";
import { Input } from "../primitives/input.tsx";
import { RadioGroup, RadioGroupItem } from "../primitives/radio-group.tsx";
import { Select } from "../primitives/select.tsx";
import { Switch } from "../primitives/switch.tsx";
import { Textarea } from "../primitives/textarea.tsx";
import { Label } from "../primitives/label.tsx";
import { Field } from "./field.tsx";
import { Form, FormError, SubmitButton } from "./form.tsx";
import { useZodForm } from "./use-zod-form.ts";

const inviteSchema = z.object({
  name: z.string().trim().min(2, "Enter the person's full name."),
  email: z.email("Enter a valid email address."),
  role: z.enum(["admin", "ops", "manager", "rep"], { error: "Choose a role." }),
  quota: z
    .string()
    .regex(/^\d+(\.\d{1,2})?$/, "Enter an amount like 125000 or 125000.50.")
    .optional()
    .or(z.literal("")),
  territory: z.enum(["emea", "na", "apac"]),
  note: z.string().max(200, "Keep the note under 200 characters.").optional(),
  sendEmail: z.boolean(),
  acceptPolicy: z.literal(true, { error: "The invitee must accept the data policy." }),
});

function InviteForm({ showErrors = false, failSubmit = false }: { showErrors?: boolean; failSubmit?: boolean }) {
  const form = useZodForm(inviteSchema, {
    defaultValues: { name: "", email: "", quota: "", territory: "emea", note: "", sendEmail: true },
  });
  useEffect(() => {
    if (showErrors) void form.trigger();
  }, [form, showErrors]);

  return (
    <Card className="max-w-lg">
      <CardHeader>
        <CardTitle>Invite a teammate</CardTitle>
      </CardHeader>
      <CardContent>
        <Form
          form={form}
          onSubmit={async () => {
            await new Promise((resolve) => setTimeout(resolve, 800));
            if (failSubmit) throw new Error("ava@acme.com is already a member of this organization.");
          }}
        >
          <FormError />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field control={form.control} name="name" label="Full name" required render={({ field }) => <Input {...field} />} />
            <Field
              control={form.control}
              name="email"
              label="Email"
              required
              render={({ field }) => <Input type="email" placeholder="name@company.com" {...field} />}
            />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              control={form.control}
              name="role"
              label="Role"
              required
              render={({ field }) => (
                <Select
                  id={field.id}
                  aria-invalid={field["aria-invalid"]}
                  aria-describedby={field["aria-describedby"]}
                  value={field.value ?? ""}
                  onValueChange={field.onChange}
                  onBlur={field.onBlur}
                  placeholder="Choose…"
                  options={[
                    { value: "admin", label: "Admin" },
                    { value: "ops", label: "Ops" },
                    { value: "manager", label: "Manager" },
                    { value: "rep", label: "Rep" },
                  ]}
                />
              )}
            />
            <Field
              control={form.control}
              name="quota"
              label="Quarterly quota (USD)"
              description="Exact amount; no rounding."
              render={({ field }) => <Input inputMode="decimal" placeholder="125000.00" {...field} value={field.value ?? ""} />}
            />
          </div>
          <Field
            control={form.control}
            name="territory"
            label="Territory"
            render={({ field }) => (
              <RadioGroup
                className="flex gap-4"
                value={field.value}
                onValueChange={field.onChange}
                aria-describedby={field["aria-describedby"]}
              >
                {(["emea", "na", "apac"] as const).map((value) => (
                  <div key={value} className="flex items-center gap-2">
                    <RadioGroupItem value={value} id={`territory-${value}`} />
                    <Label htmlFor={`territory-${value}`} className="font-normal uppercase">
                      {value}
                    </Label>
                  </div>
                ))}
              </RadioGroup>
            )}
          />
          <Field
            control={form.control}
            name="note"
            label="Personal note"
            render={({ field }) => <Textarea {...field} value={field.value ?? ""} />}
          />
          <Field
            control={form.control}
            name="sendEmail"
            label="Send the invitation email now"
            layout="inline"
            render={({ field }) => (
              <Switch id={field.id} checked={field.value} onCheckedChange={field.onChange} onBlur={field.onBlur} />
            )}
          />
          <Field
            control={form.control}
            name="acceptPolicy"
            label="The invitee accepts the data policy"
            layout="inline"
            render={({ field }) => (
              <Checkbox
                id={field.id}
                aria-invalid={field["aria-invalid"]}
                aria-describedby={field["aria-describedby"]}
                checked={field.value === true}
                onCheckedChange={(checked) => field.onChange(checked === true)}
                onBlur={field.onBlur}
              />
            )}
          />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => form.reset()}>
              Reset
            </Button>
            <SubmitButton>Send invitation</SubmitButton>
          </div>
        </Form>
      </CardContent>
    </Card>
  );
}

const meta = { title: "Forms/Form & Field", component: InviteForm } satisfies Meta<typeof InviteForm>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Empty: Story = {};
export const ValidationErrors: Story = { args: { showErrors: true } };
export const ServerError: Story = { args: { failSubmit: true } };
export const Dark: Story = { args: { showErrors: true }, globals: { theme: "dark" } };
