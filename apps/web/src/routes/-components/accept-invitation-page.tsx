import { Button, EmptyState, Field, Form, FormError, Input, SubmitButton, useZodForm } from "@opsdeck/ui";
import { useMutation } from "@tanstack/react-query";
import { Link, useSearch } from "@tanstack/react-router";
import { LinkIcon } from "lucide-react";
import { z } from "zod";
import { reloadAt, signIn } from "../../lib/auth-api.ts";
import { newPasswordSchema } from "../../lib/password.ts";
import { trpc } from "../../lib/trpc.ts";
import { AuthLayout } from "./auth-layout.tsx";

const schema = z.object({
  name: z.string().trim().min(1, "Enter your name").max(120),
  password: newPasswordSchema,
});

export function AcceptInvitationPage() {
  const { token } = useSearch({ from: "/accept-invitation" });
  const accept = useMutation(trpc.invitations.accept.mutationOptions());
  const form = useZodForm(schema, { defaultValues: { name: "", password: "" } });
  if (!token) {
    return (
      <AuthLayout title="Invitation link incomplete">
        <EmptyState
          size="compact"
          icon={<LinkIcon />}
          title="This link has no invitation token"
          text="Open the whole link from your invitation, or ask the person who invited you for a new one."
          action={
            <Button asChild>
              <Link to="/sign-in">Go to sign in</Link>
            </Button>
          }
        />
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Join your team on Opsdeck" description="Choose the name your colleagues see and a password.">
      <Form
        form={form}
        onSubmit={async (values) => {
          const accepted = await accept.mutateAsync({ token, ...values });
          await signIn({ email: accepted.email, password: values.password });
          reloadAt("/");
          await new Promise(() => {}); // keep the button busy until the page goes
        }}
      >
        <Field control={form.control} name="name" label="Your name" render={({ field }) => <Input {...field} autoComplete="name" autoFocus />} />
        <Field
          control={form.control}
          name="password"
          label="Password"
          description="At least 10 characters."
          render={({ field }) => <Input {...field} type="password" autoComplete="new-password" />}
        />
        <FormError />
        <SubmitButton className="w-full">Accept and sign in</SubmitButton>
      </Form>
    </AuthLayout>
  );
}
