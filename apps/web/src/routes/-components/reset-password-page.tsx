import { Button, Field, Form, FormError, Input, SubmitButton, useZodForm } from "@opsdeck/ui";
import { Link, useSearch } from "@tanstack/react-router";
import { MailCheck } from "lucide-react";
import { useState } from "react";
import { z } from "zod";
import { confirmPasswordReset, requestPasswordReset } from "../../lib/auth-api.ts";
import { newPasswordSchema } from "../../lib/password.ts";
import { AuthLayout } from "./auth-layout.tsx";

const requestSchema = z.object({ email: z.string().trim().min(1, "Enter your email").pipe(z.email("Not a valid email address")) });
const confirmSchema = z
  .object({ password: newPasswordSchema, repeat: z.string() })
  .refine((v) => v.password === v.repeat, { path: ["repeat"], message: "The two passwords differ" });

const backToSignIn = (
  <Link to="/sign-in" className="underline-offset-4 hover:text-foreground hover:underline">
    Back to sign in
  </Link>
);

function RequestForm() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useZodForm(requestSchema, { defaultValues: { email: "" } });
  if (sentTo) {
    return (
      <AuthLayout title="Check your email" footer={backToSignIn}>
        <div className="flex flex-col items-center gap-3 text-center text-sm text-muted-foreground" role="status">
          <MailCheck className="size-8 text-primary" aria-hidden="true" />
          <p>
            If an account exists for <strong className="text-foreground">{sentTo}</strong>, a link to set a new password is on its
            way. It works for one hour.
          </p>
        </div>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Reset your password" description="We'll email you a link to set a new one." footer={backToSignIn}>
      <Form
        form={form}
        onSubmit={async ({ email }) => {
          await requestPasswordReset(email);
          setSentTo(email);
        }}
      >
        <Field control={form.control} name="email" label="Email" render={({ field }) => <Input {...field} type="email" autoComplete="email" autoFocus />} />
        <FormError />
        <SubmitButton className="w-full">Send the link</SubmitButton>
      </Form>
    </AuthLayout>
  );
}

function ConfirmForm({ token }: { token: string }) {
  const [done, setDone] = useState(false);
  const form = useZodForm(confirmSchema, { defaultValues: { password: "", repeat: "" } });
  if (done) {
    return (
      <AuthLayout title="Your password is set">
        <p className="mb-4 text-sm text-muted-foreground" role="status">
          You were signed out everywhere. Sign in with your new password.
        </p>
        <Button asChild variant="primary" className="w-full">
          <Link to="/sign-in">Sign in</Link>
        </Button>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Choose a new password" footer={backToSignIn}>
      <Form
        form={form}
        onSubmit={async ({ password }) => {
          await confirmPasswordReset({ token, password });
          setDone(true);
        }}
      >
        <Field control={form.control} name="password" label="New password" description="At least 10 characters." render={({ field }) => <Input {...field} type="password" autoComplete="new-password" autoFocus />} />
        <Field control={form.control} name="repeat" label="Repeat the password" render={({ field }) => <Input {...field} type="password" autoComplete="new-password" />} />
        <FormError />
        <SubmitButton className="w-full">Set the password</SubmitButton>
      </Form>
    </AuthLayout>
  );
}

export function ResetPasswordPage() {
  const { token } = useSearch({ from: "/reset-password" });
  return token ? <ConfirmForm token={token} /> : <RequestForm />;
}
