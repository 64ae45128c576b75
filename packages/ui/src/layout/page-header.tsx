import { ChevronRight } from "lucide-react";
import { Fragment, type ReactNode } from "react";
import { cn } from "../lib/cn.ts";
import { useLinkComponent } from "./link-context.tsx";

export interface Breadcrumb {
  label: string;
  /** Omit on the current page's crumb. */
  href?: string;
}

export interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  breadcrumbs?: readonly Breadcrumb[];
  /** Buttons on the right; the primary action last. */
  actions?: ReactNode;
  /** Under the title: Tabs, filters. */
  children?: ReactNode;
  className?: string;
}

/** The top of a page: breadcrumbs, the h1 title, a description and the page's actions. */
export function PageHeader({ title, description, breadcrumbs, actions, children, className }: PageHeaderProps) {
  const Link = useLinkComponent();
  return (
    <div className={cn("flex flex-col gap-3 pb-4", className)}>
      {breadcrumbs && breadcrumbs.length > 0 ? (
        <nav aria-label="Breadcrumb">
          <ol className="flex flex-wrap items-center gap-1 text-xs text-muted-foreground">
            {breadcrumbs.map((crumb, index) => {
              const last = index === breadcrumbs.length - 1;
              return (
                <Fragment key={`${crumb.label}-${index}`}>
                  <li>
                    {crumb.href && !last ? (
                      <Link
                        href={crumb.href}
                        className="rounded-sm outline-none transition-colors hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring"
                      >
                        {crumb.label}
                      </Link>
                    ) : (
                      <span aria-current={last ? "page" : undefined} className={cn(last && "text-foreground")}>
                        {crumb.label}
                      </span>
                    )}
                  </li>
                  {last ? null : (
                    <li aria-hidden="true">
                      <ChevronRight className="size-3" />
                    </li>
                  )}
                </Fragment>
              );
            })}
          </ol>
        </nav>
      ) : null}
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1">
          <h1 className="text-xl font-semibold tracking-tight text-foreground">{title}</h1>
          {description ? <p className="max-w-2xl text-sm text-muted-foreground">{description}</p> : null}
        </div>
        {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
      </div>
      {children}
    </div>
  );
}
