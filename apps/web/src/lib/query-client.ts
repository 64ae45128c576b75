import { QueryClient } from "@tanstack/react-query";

/** Errors a retry cannot fix: the server understood and refused. */
function isFinal(error: unknown): boolean {
  const data = (error as { data?: { httpStatus?: number } } | null)?.data;
  const status = data?.httpStatus ?? (error as { status?: number } | null)?.status;
  return typeof status === "number" && status >= 400 && status < 500;
}

/** The page's one QueryClient, shared with every plugin. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (count, error) => !isFinal(error) && count < 2,
      refetchOnWindowFocus: false,
    },
    mutations: { retry: false },
  },
});
