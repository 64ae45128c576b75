import { Card } from "@opsdeck/ui";
import type { ReactNode } from "react";
import { useDocumentTitle } from "../../lib/use-document-title.ts";
import { OpsdeckLogo } from "../../shell/opsdeck-logo.tsx";

/** The frame of the signed-out pages: the logo and a card, centred. */
export function AuthLayout({ title, description, children, footer }: { title: string; description?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center gap-6 bg-subtle px-4 py-10">
      <OpsdeckLogo className="h-8" />
      <Card className="w-full max-w-sm p-6">
        <div className="mb-5 flex flex-col gap-1">
          <h1 className="text-lg font-semibold tracking-tight">{title}</h1>
          {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
        </div>
        {children}
      </Card>
      {footer ? <div className="text-sm text-muted-foreground">{footer}</div> : null}
    </div>
  );
}
