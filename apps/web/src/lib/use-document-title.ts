import { useEffect } from "react";

/** Sets the browser tab's title to "<title> · Opsdeck" while the component is shown. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Opsdeck` : "Opsdeck";
  }, [title]);
}
