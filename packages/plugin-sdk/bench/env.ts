import { z } from "zod";

/** The bench's environment: `DATABASE_URL` runs it on PostgreSQL instead of an in-memory PGlite. */
export const benchEnv = z.object({ DATABASE_URL: z.string().optional() }).parse(process.env);
