import { Field, Form, FormError, Input, SubmitButton, useZodForm } from "@opsdeck/ui";
import { Link, useSearch } from "@tanstack/react-router";
import { z } from "zod";
import { reloadAt, signIn } from "../../lib/auth-api.ts";
import { safeRedirect } from "../../lib/safe-redirect.ts";
import { AuthLayout } from "./auth-layout.tsx";

const schema = z.object({
  email: z.string().trim().min(1, "Enter your email").pipe(z.email("Not a valid email address")),
  password: z.string().min(1, "Enter your password"),
});

export function SignInPage() {
  const search = useSearch({ from: "/sign-in" });
  const form = useZodForm(schema, { defaultValues: { email: "", password: "" } });
  return (
    <AuthLayout title="Sign in to Opsdeck" description="Use the email and password of your Opsdeck account.">
      <Form
        form={form}
        onSubmit={async (values) => {
          await signIn(values);
          // A new session can mean other plugins and routes: start the app afresh where the user was going.
          reloadAt(safeRedirect(search.redirect));
          await new Promise(() => {}); // keep the button busy until the page goes
        }}
      >
        <Field
          control={form.control}
          name="email"
          label="Email"
          render={({ field }) => <Input {...field} type="email" autoComplete="username" autoFocus />}
        />
        <Field
          control={form.control}
          name="password"
          label="Password"
          render={({ field }) => <Input {...field} type="password" autoComplete="current-password" />}
        />
        <FormError />
        <SubmitButton className="w-full">Sign in</SubmitButton>
        <Link to="/reset-password" className="self-center text-sm text-muted-foreground underline-offset-4 hover:text-foreground hover:underline">
          Forgot your password?
        </Link>
      </Form>
    </AuthLayout>
  );
}
