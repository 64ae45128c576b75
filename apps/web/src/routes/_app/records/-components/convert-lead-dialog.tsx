import { useOrganization } from "@opsdeck/plugin-sdk/web";
import {
  Button,
  Checkbox,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
  Field,
  type FieldControlProps,
  Form,
  FormError,
  Input,
  Label,
  RadioGroup,
  RadioGroupItem,
  SERVER_ERROR_KEY,
  SubmitButton,
  toast,
  useZodForm,
} from "@opsdeck/ui";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { UserCheck } from "lucide-react";
import { useId, useState, type ReactNode } from "react";
import { z } from "zod";
import { errorMessage } from "../../../../lib/http.ts";
import { trpc, type CoreInputs } from "../../../../lib/trpc.ts";
import { useDebouncedValue } from "../../../../lib/use-debounced-value.ts";
import { recordLabel } from "../../../../shell/record-label.ts";

const schema = z
  .object({
    contactMode: z.enum(["new", "existing"]),
    contactId: z.string(),
    accountMode: z.enum(["new", "existing", "none"]),
    accountName: z.string().trim().max(255, "At most 255 characters"),
    accountId: z.string(),
    withOpportunity: z.boolean(),
    opportunityName: z.string().trim().max(255, "At most 255 characters"),
    amount: z.string().trim(),
    closeDate: z.string(),
  })
  .superRefine((v, ctx) => {
    const require = (when: boolean, path: keyof typeof v, message: string) => when && ctx.addIssue({ code: "custom", path: [path], message });
    require(v.contactMode === "existing" && !v.contactId, "contactId", "Choose a contact");
    require(v.accountMode === "new" && !v.accountName, "accountName", "Name the account");
    require(v.accountMode === "existing" && !v.accountId, "accountId", "Choose an account");
    require(v.withOpportunity && !v.opportunityName, "opportunityName", "Name the opportunity");
  });
type Values = z.output<typeof schema>;

// The server's issue paths: the conversion's own input, or the opportunity's fields as `records.create` checks them.
const FIELD_OF_ISSUE: Record<string, keyof Values> = {
  "contact.contactId": "contactId",
  "account.name": "accountName",
  "account.accountId": "accountId",
  name: "opportunityName",
  amount: "amount",
  closeDate: "closeDate",
};

export type LeadRow = Record<string, unknown> & { id: string };

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");

function defaults(lead: LeadRow, contactId = ""): z.input<typeof schema> {
  const company = text(lead.company);
  const person = [text(lead.firstName), text(lead.lastName)].filter(Boolean).join(" ");
  return {
    contactMode: contactId ? "existing" : "new",
    contactId,
    accountMode: "new",
    accountName: company,
    accountId: "",
    withOpportunity: false,
    opportunityName: company ? `${company} deal` : person,
    amount: "",
    closeDate: "",
  };
}

/** The deal starts at the pipeline's first stage in the organization's currency (the server's defaults). */
function toInput(lead: LeadRow, v: Values): CoreInputs["records"]["convertLead"] {
  return {
    leadId: lead.id,
    contact: v.contactMode === "existing" ? { mode: "existing", contactId: v.contactId } : { mode: "new" },
    account:
      v.accountMode === "existing" ? { mode: "existing", accountId: v.accountId } : v.accountMode === "none" ? { mode: "none" } : { mode: "new", name: v.accountName },
    opportunity: v.withOpportunity
      ? { name: v.opportunityName, ...(v.amount ? { amount: v.amount } : {}), ...(v.closeDate ? { closeDate: v.closeDate } : {}) }
      : null,
  };
}

/** Picks a contact or an account: a search box over `core.records.list`, the 20 best matches as radio buttons. */
function RecordPicker({ entity, field }: { entity: "contacts" | "accounts"; field: FieldControlProps<z.input<typeof schema>, "contactId" | "accountId"> }) {
  const { id, value, onChange } = field;
  const [query, setQuery] = useState("");
  const search = useDebouncedValue(query.trim(), 200);
  const list = useQuery({ ...trpc.records.list.queryOptions({ entity, search: search || undefined, limit: 20 }), placeholderData: keepPreviousData });
  // The chosen record stays listed when the search no longer matches it (or it came from the URL).
  const chosen = useQuery({ ...trpc.records.get.queryOptions({ entity, id: value }), enabled: Boolean(value) });
  const rows = (list.data?.rows ?? []) as LeadRow[];
  const options = chosen.data && !rows.some((r) => r.id === value) ? [chosen.data as LeadRow, ...rows] : rows;
  const noun = entity === "contacts" ? "contact" : "account";
  return (
    <div className="flex flex-col gap-1.5">
      <Input
        id={id}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={`Name${entity === "contacts" ? " or email" : ""}…`}
        aria-invalid={field["aria-invalid"]}
        aria-describedby={field["aria-describedby"]}
      />
      <RadioGroup aria-label={`Matching ${noun}s`} value={value} onValueChange={onChange} className="max-h-36 gap-0 overflow-y-auto rounded-md border border-border p-1">
        {options.map((row) => (
          <div key={row.id} className="flex items-center gap-2 rounded px-2 py-1.5 hover:bg-accent">
            <RadioGroupItem value={row.id} id={`${id}-${row.id}`} />
            <Label htmlFor={`${id}-${row.id}`} className="flex min-w-0 flex-1 cursor-pointer items-baseline gap-2 font-normal">
              <span className="truncate">{recordLabel(entity, row)}</span>
              {text(row.email) ? <span className="truncate text-xs text-muted-foreground">{text(row.email)}</span> : null}
            </Label>
          </div>
        ))}
        {options.length ? null : <p className="px-2 py-1.5 text-sm text-muted-foreground">{list.isFetching ? "Searching…" : `No ${noun} matches.`}</p>}
      </RadioGroup>
    </div>
  );
}

function Choice({ value, label, group }: { value: string; label: string; group: string }) {
  return (
    <div className="flex items-center gap-2">
      <RadioGroupItem value={value} id={`${group}-${value}`} />
      <Label htmlFor={`${group}-${value}`} className="font-normal">
        {label}
      </Label>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-sm font-semibold">{title}</legend>
      {children}
    </fieldset>
  );
}

export interface ConvertLeadDialogProps {
  lead: LeadRow;
  /** Opens the dialog at once with this contact chosen (`?convertInto=` links, e.g. from CRM hygiene). */
  intoContactId?: string | undefined;
  onOpenChange?: (open: boolean) => void;
}

/** "Convert lead": the lead becomes a contact (new or existing), an account (new, existing, none) and maybe a deal. */
export function ConvertLeadDialog({ lead, intoContactId, onOpenChange }: ConvertLeadDialogProps) {
  const [open, setOpen] = useState(Boolean(intoContactId));
  const ids = useId();
  const organization = useOrganization();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const convert = useMutation(trpc.records.convertLead.mutationOptions());
  const form = useZodForm(schema, { defaultValues: defaults(lead, intoContactId) });
  const [contactMode, accountMode, withOpportunity] = form.watch(["contactMode", "accountMode", "withOpportunity"]);
  const toggle = (next: boolean) => {
    setOpen(next);
    if (!next) form.reset(defaults(lead));
    onOpenChange?.(next);
  };

  const submit = async (values: Values) => {
    try {
      const result = await convert.mutateAsync(toInput(lead, values));
      toast.success("Lead converted");
      for (const warning of result.warnings) toast.warning(warning.message);
      await queryClient.invalidateQueries({ queryKey: trpc.records.pathKey() });
      // Not `toggle`: the page that owns `?convertInto=` is left for the contact's anyway.
      setOpen(false);
      void navigate({ to: "/records/$entity/$recordId", params: { entity: "contacts", recordId: result.contactId } });
    } catch (error) {
      const issues = (error as { data?: { issues?: { path?: (string | number)[]; message: string }[] } }).data?.issues ?? [];
      const placed = issues.filter((issue) => {
        const field = FIELD_OF_ISSUE[(issue.path ?? []).join(".")];
        if (field) form.setError(field, { type: "server", message: issue.message });
        return Boolean(field);
      });
      if (placed.length < issues.length || !issues.length) form.setError(SERVER_ERROR_KEY, { type: "server", message: errorMessage(error) });
    }
  };

  return (
    <Dialog open={open} onOpenChange={toggle}>
      <DialogTrigger asChild>
        <Button variant="primary">
          <UserCheck aria-hidden="true" />
          Convert lead
        </Button>
      </DialogTrigger>
      <DialogContent size="lg">
        <DialogHeader>
          <DialogTitle>Convert lead</DialogTitle>
          <DialogDescription>{recordLabel("leads", lead)} becomes a contact; the lead's activities follow.</DialogDescription>
        </DialogHeader>
        <Form form={form} onSubmit={submit} className="gap-5">
          <Section title="Contact">
            <Field
              control={form.control}
              name="contactMode"
              render={({ field }) => (
                <RadioGroup aria-label="Contact" value={field.value} onValueChange={field.onChange} className="flex flex-wrap gap-x-5">
                  <Choice group={`${ids}-contact`} value="new" label="Create a new contact" />
                  <Choice group={`${ids}-contact`} value="existing" label="Add to an existing contact" />
                </RadioGroup>
              )}
            />
            {contactMode === "existing" ? (
              <Field control={form.control} name="contactId" label="Search contacts" render={({ field }) => <RecordPicker entity="contacts" field={field} />} />
            ) : null}
          </Section>
          <Section title="Account">
            <Field
              control={form.control}
              name="accountMode"
              render={({ field }) => (
                <RadioGroup aria-label="Account" value={field.value} onValueChange={field.onChange} className="flex flex-wrap gap-x-5">
                  <Choice group={`${ids}-account`} value="new" label="Create a new account" />
                  <Choice group={`${ids}-account`} value="existing" label="Existing account" />
                  <Choice group={`${ids}-account`} value="none" label="No account" />
                </RadioGroup>
              )}
            />
            {accountMode === "new" ? (
              <Field control={form.control} name="accountName" label="Account name" required render={({ field }) => <Input {...field} />} />
            ) : null}
            {accountMode === "existing" ? (
              <Field control={form.control} name="accountId" label="Search accounts" render={({ field }) => <RecordPicker entity="accounts" field={field} />} />
            ) : null}
          </Section>
          <Section title="Opportunity">
            <Field
              control={form.control}
              name="withOpportunity"
              label="Also create an opportunity"
              layout="inline"
              render={({ field }) => (
                <Checkbox
                  id={field.id}
                  checked={field.value}
                  onCheckedChange={(checked) => field.onChange(checked === true)}
                  aria-describedby={field["aria-describedby"]}
                />
              )}
            />
            {withOpportunity ? (
              <div className="grid gap-3 sm:grid-cols-2">
                <Field control={form.control} name="opportunityName" label="Opportunity name" required className="sm:col-span-2" render={({ field }) => <Input {...field} />} />
                <Field
                  control={form.control}
                  name="amount"
                  label={`Amount (${organization.currency})`}
                  render={({ field }) => <Input {...field} inputMode="decimal" placeholder="Optional" />}
                />
                <Field control={form.control} name="closeDate" label="Close date" render={({ field }) => <Input {...field} type="date" />} />
              </div>
            ) : null}
          </Section>
          <FormError />
          <DialogFooter>
            <Button onClick={() => toggle(false)}>Cancel</Button>
            <SubmitButton>Convert</SubmitButton>
          </DialogFooter>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
