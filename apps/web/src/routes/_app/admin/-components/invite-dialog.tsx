import { usePermissions } from "@opsdeck/plugin-sdk/web";
import {
  Button,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
  Field,
  Form,
  FormError,
  Input,
  Select,
  SubmitButton,
  toast,
  useZodForm,
} from "@opsdeck/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Check, Copy, UserPlus } from "lucide-react";
import { useState } from "react";
import { z } from "zod";
import { ROLE_OPTIONS, roleLabel } from "../../../../components/role-labels.ts";
import { trpc } from "../../../../lib/trpc.ts";

const schema = z.object({
  email: z.string().trim().min(1, "Enter an email").pipe(z.email("Not a valid email address")),
  role: z.enum(["owner", "admin", "ops", "manager", "rep", "new_hire"]),
});

function CopyLink({ link }: { link: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex gap-2">
      <Input readOnly value={link} aria-label="Invitation link" onFocus={(e) => e.currentTarget.select()} className="font-mono text-xs" />
      <Button
        onClick={() =>
          void navigator.clipboard.writeText(link).then(
            () => setCopied(true),
            () => toast.error("Copy failed: select the link and copy it."),
          )
        }
      >
        {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
        {copied ? "Copied" : "Copy"}
      </Button>
    </div>
  );
}

/** Invites a person by email and shows the link to send them (it is also mailed). */
export function InviteDialog() {
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState<{ email: string; role: string; link: string } | null>(null);
  const { role: myRole } = usePermissions();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.invitations.create.mutationOptions());
  const form = useZodForm(schema, { defaultValues: { email: "", role: "rep" } });
  const reset = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setSent(null);
      form.reset();
    }
  };
  return (
    <Dialog open={open} onOpenChange={reset}>
      <DialogTrigger asChild>
        <Button variant="primary">
          <UserPlus aria-hidden="true" />
          Invite people
        </Button>
      </DialogTrigger>
      <DialogContent>
        {sent ? (
          <>
            <DialogHeader>
              <DialogTitle>Invitation ready</DialogTitle>
              <DialogDescription>
                {sent.email} is invited as {roleLabel(sent.role)}. The link was mailed to them; you can also send it yourself. It works once, for 7 days.
              </DialogDescription>
            </DialogHeader>
            <CopyLink link={sent.link} />
            <DialogFooter>
              <Button onClick={() => (setSent(null), form.reset())}>Invite someone else</Button>
              <Button variant="primary" onClick={() => reset(false)}>
                Done
              </Button>
            </DialogFooter>
          </>
        ) : (
          <>
            <DialogHeader>
              <DialogTitle>Invite people</DialogTitle>
              <DialogDescription>They choose their name and password when they accept.</DialogDescription>
            </DialogHeader>
            <Form
              form={form}
              onSubmit={async (values) => {
                const result = await create.mutateAsync(values);
                void queryClient.invalidateQueries({ queryKey: trpc.invitations.list.queryKey() });
                setSent({ email: result.invitation.email, role: result.invitation.role, link: result.link });
              }}
            >
              <Field control={form.control} name="email" label="Email" render={({ field }) => <Input {...field} type="email" autoFocus />} />
              <Field
                control={form.control}
                name="role"
                label="Role"
                render={({ field }) => (
                  <Select
                    id={field.id}
                    aria-invalid={field["aria-invalid"]}
                    options={ROLE_OPTIONS.filter((r) => r.value !== "owner" || myRole === "owner").map((r) => ({ value: r.value, label: r.label }))}
                    value={field.value}
                    onValueChange={field.onChange}
                  />
                )}
              />
              <FormError />
              <DialogFooter>
                <Button onClick={() => reset(false)}>Cancel</Button>
                <SubmitButton>Create invitation</SubmitButton>
              </DialogFooter>
            </Form>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
