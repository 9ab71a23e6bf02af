// Liveness and readiness.
import { z } from "./zod.ts";

const health = z.object({ status: z.enum(["ok", "unavailable"]), database: z.string().optional(), redis: z.string().optional() });

export const HealthSchema = health.openapi("Health");
export const ReadinessSchema = health.openapi("Readiness");

export type Health = z.infer<typeof HealthSchema>;
