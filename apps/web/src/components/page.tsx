import { PageHeader, type Breadcrumb } from "@opsdeck/ui";
import type { ReactNode } from "react";
import { useDocumentTitle } from "../lib/use-document-title.ts";

export interface PageProps {
  title: string;
  description?: ReactNode;
  breadcrumbs?: readonly Breadcrumb[];
  actions?: ReactNode;
  /** Under the title: tabs, filters. */
  header?: ReactNode;
  children: ReactNode;
}

/** A page of the shell: the header (and the browser tab's title), then the content, with the frame's padding. */
export function Page({ title, description, breadcrumbs, actions, header, children }: PageProps) {
  useDocumentTitle(title);
  return (
    <div className="flex flex-col gap-2 p-4 md:p-6">
      <PageHeader title={title} description={description} breadcrumbs={breadcrumbs} actions={actions}>
        {header}
      </PageHeader>
      {children}
    </div>
  );
}
