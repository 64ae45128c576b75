import { createContext, useContext, type ComponentType, type ReactNode } from "react";

export interface LinkComponentProps {
  href: string;
  className?: string;
  children?: ReactNode;
  "aria-current"?: "page" | undefined;
  onClick?: () => void;
}

/** How the kit renders a navigation link; the shell plugs in its router's Link. */
export type LinkComponent = ComponentType<LinkComponentProps>;

function PlainLink({ href, ...props }: LinkComponentProps) {
  return <a href={href} {...props} />;
}

const LinkContext = createContext<LinkComponent>(PlainLink);

/** Makes Sidebar, PageHeader breadcrumbs and other kit links use the app's router (default: a plain <a>). */
export function LinkProvider({ component, children }: { component: LinkComponent; children: ReactNode }) {
  return <LinkContext.Provider value={component}>{children}</LinkContext.Provider>;
}

/** The link component set by the nearest LinkProvider. */
export function useLinkComponent(): LinkComponent {
  return useContext(LinkContext);
}
