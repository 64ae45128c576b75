import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.string().optional(),
});

const env = envSchema.parse(process.env);

/** Stack traces reach API clients only when NODE_ENV is exactly `development`. */
export const isDevelopment: boolean = env.NODE_ENV === "development";
