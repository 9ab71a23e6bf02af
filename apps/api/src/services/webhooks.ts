// Admins' webhooks: register, change, remove, ping, and read what was delivered.
import { randomBytes } from "node:crypto";
import { isIP } from "node:net";
import type { WebhookCreate, WebhookUpdate } from "@venue-booking/contract";
import { DomainError } from "@venue-booking/core";
import type { Delivery, Page, PageRequest, Webhook } from "@venue-booking/db";
import type { AppDeps } from "../deps.ts";
import { isPublicAddress } from "./dispatcher.ts";

/**
 * Refuses, where private addresses are not allowed, a URL naming a loopback or private address (or
 * localhost) outright; a name is checked again against what it resolves to at each delivery.
 */
function assertUrlAllowed(deps: AppDeps, url: string): void {
  if (deps.config.webhookAllowPrivate) return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const named = host === "localhost" || host.endsWith(".localhost");
  if (named || (isIP(host) && !isPublicAddress(host))) throw new DomainError("WEBHOOK_URL_NOT_ALLOWED", { field: "url", params: { host } });
}

/** A Standard Webhooks secret: "whsec_" and base64 of 24 random bytes. */
function newSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

/** The URL as the WHATWG parser writes it (scheme and host in lower case): what is stored and compared. */
const normalized = (url: string) => new URL(url).href;

export function createWebhook(deps: AppDeps, input: { adminId: number; request: WebhookCreate }): Promise<Webhook> {
  assertUrlAllowed(deps, input.request.url);
  return deps.repos.webhooks.create({
    ...input.request,
    url: normalized(input.request.url),
    secret: newSecret(),
    createdBy: input.adminId,
  });
}

export function listWebhooks(deps: AppDeps, page: PageRequest): Promise<Page<Webhook>> {
  return deps.repos.webhooks.list(page);
}

export async function getWebhook(deps: AppDeps, id: number): Promise<Webhook> {
  const hook = await deps.repos.webhooks.get(id);
  if (!hook) throw new DomainError("WEBHOOK_NOT_FOUND");
  return hook;
}

export async function updateWebhook(deps: AppDeps, id: number, patch: WebhookUpdate): Promise<Webhook> {
  if (patch.url !== undefined) assertUrlAllowed(deps, patch.url);
  const url = patch.url === undefined ? undefined : normalized(patch.url);
  const hook = await deps.repos.webhooks.update(id, { url, events: patch.events, isActive: patch.is_active });
  if (!hook) throw new DomainError("WEBHOOK_NOT_FOUND");
  return hook;
}

export async function removeWebhook(deps: AppDeps, id: number): Promise<void> {
  if (!(await deps.repos.webhooks.remove(id))) throw new DomainError("WEBHOOK_NOT_FOUND");
}

/** Queues a `ping` to this webhook alone; the dispatcher sends it like any event. */
export async function pingWebhook(deps: AppDeps, id: number): Promise<number> {
  await getWebhook(deps, id);
  return deps.repos.webhooks.ping(id);
}

export async function webhookDeliveries(deps: AppDeps, id: number, page: PageRequest): Promise<Page<Delivery>> {
  await getWebhook(deps, id);
  return deps.repos.webhooks.deliveries(id, page);
}
