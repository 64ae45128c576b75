/** The message to show for anything thrown by an API call or a tRPC procedure (the shell and plugins alike). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong.";
}
