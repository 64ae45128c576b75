import { Card, CardContent, Field, Form, FormError, Input, Select, SubmitButton, toast, useZodForm } from "@opsdeck/ui";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { z } from "zod";
import { Page } from "../../../../components/page.tsx";
import { trpc } from "../../../../lib/trpc.ts";
import { platformQuery } from "../../../../plugins/installed-plugins.ts";

const MONTHS = Array.from({ length: 12 }, (_, i) => ({
  value: String(i + 1),
  label: new Date(2000, i, 1).toLocaleString("en", { month: "long" }),
}));
const CURRENCIES = ["USD", "EUR", "GBP", "CAD", "AUD", "CHF", "JPY", "SEK", "NOK", "DKK", "SGD", "INR", "BRL", "MXN", "NZD", "ZAR"];

const schema = z.object({
  name: z.string().trim().min(1, "Enter a name").max(120),
  currency: z.string().regex(/^[A-Z]{3}$/, "Use a 3-letter ISO currency code, e.g. USD"),
  fiscalYearStartMonth: z.string().regex(/^([1-9]|1[0-2])$/),
  timeZone: z.string().min(1),
});

/** The organization's name, currency, fiscal year and time zone, which every report and plugin uses. */
export function OrganizationSettingsPage() {
  const { data: organization } = useSuspenseQuery(trpc.organization.get.queryOptions());
  const queryClient = useQueryClient();
  const update = useMutation(trpc.organization.update.mutationOptions());
  const zones = useMemo(() => {
    const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
    return [...new Set(["UTC", organization.timeZone, ...all])].map((z) => ({ value: z, label: z }));
  }, [organization.timeZone]);
  const currencies = [...new Set([organization.currency, ...CURRENCIES])].map((c) => ({ value: c, label: c }));
  const form = useZodForm(schema, {
    defaultValues: {
      name: organization.name,
      currency: organization.currency,
      fiscalYearStartMonth: String(organization.fiscalYearStartMonth),
      timeZone: organization.timeZone,
    },
  });
  return (
    <Page title="Organization settings" description="Used by every page, report and plugin of your organization.">
      <Card className="max-w-2xl">
        <CardContent className="pt-5">
          <Form
            form={form}
            onSubmit={async (values) => {
              await update.mutateAsync({ ...values, fiscalYearStartMonth: Number(values.fiscalYearStartMonth) });
              toast.success("The organization settings were saved.");
              await Promise.all([
                queryClient.invalidateQueries({ queryKey: trpc.organization.get.queryKey() }),
                queryClient.invalidateQueries({ queryKey: platformQuery.queryKey }),
              ]);
              form.reset(values);
            }}
          >
            <Field control={form.control} name="name" label="Name" render={({ field }) => <Input {...field} />} />
            <div className="grid gap-4 sm:grid-cols-2">
              <Field
                control={form.control}
                name="currency"
                label="Currency"
                description="Amounts without a currency are in this one."
                render={({ field }) => <Select id={field.id} options={currencies} value={field.value} onValueChange={field.onChange} />}
              />
              <Field
                control={form.control}
                name="fiscalYearStartMonth"
                label="Fiscal year starts in"
                description="Quarters and fiscal years follow it."
                render={({ field }) => <Select id={field.id} options={MONTHS} value={field.value} onValueChange={field.onChange} />}
              />
            </div>
            <Field
              control={form.control}
              name="timeZone"
              label="Time zone"
              description="Days and periods begin at midnight here."
              render={({ field }) => <Select id={field.id} options={zones} value={field.value} onValueChange={field.onChange} />}
            />
            <FormError />
            <div>
              <SubmitButton>Save settings</SubmitButton>
            </div>
          </Form>
        </CardContent>
      </Card>
    </Page>
  );
}
