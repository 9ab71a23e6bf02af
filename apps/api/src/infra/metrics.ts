// Prometheus metrics of one API process: HTTP traffic by route, bookings, OTP, and the DB pool.
import type { PoolStats } from "@venue-booking/db";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

export function createMetrics(poolStats: () => PoolStats) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const registers = [registry];
  const counter = (name: string, help: string, labelNames: string[] = []) => new Counter({ name, help, labelNames, registers });

  const pool = (name: string, help: string, pick: (s: PoolStats) => number) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        this.set(pick(poolStats()));
      },
    });
  pool("db_pool_connections", "Connections open in the database pool", (s) => s.total);
  pool("db_pool_idle_connections", "Idle connections in the database pool", (s) => s.idle);
  pool("db_pool_waiting_requests", "Queries waiting for a pool connection", (s) => s.waiting);
  pool("db_pool_max_connections", "Size limit of the database pool", (s) => s.max);

  return {
    registry,
    httpRequests: counter("http_requests_total", "HTTP requests by route and status", ["method", "route", "status"]),
    httpDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "HTTP request latency by route and status",
      labelNames: ["method", "route", "status"],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    bookingsCreated: counter("bookings_created_total", "Bookings created"),
    bookingConflicts: counter("booking_conflicts_total", "Booking attempts refused because the slot was taken"),
    bookingCancellations: counter("booking_cancellations_total", "Bookings cancelled by players or admins", ["by"]),
    bookingsCompleted: counter("bookings_completed_by_job_total", "Confirmed bookings the lifecycle job completed"),
    bookingsExpired: counter("bookings_expired_total", "Pending bookings the lifecycle job cancelled as expired"),
    messagesSent: counter("player_messages_sent_total", "Messages sent to players by kind", ["kind"]),
    webhookDeliveries: counter("webhook_delivery_tries_total", "Webhook delivery tries by outcome", ["outcome"]),
    otpSent: counter("otp_sent_total", "One-time codes sent"),
    otpVerified: counter("otp_verified_total", "Successful sign-ins with a code"),
    otpRateLimited: counter("otp_rate_limited_total", "Auth requests refused by a rate limit", ["limit"]),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
