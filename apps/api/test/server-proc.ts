// The API as a real process (through tsx, from the sources), for tests of what only processes show.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

export const SERVER = fileURLToPath(new URL("../src/server.ts", import.meta.url));

export type Proc = { child: ChildProcess; output: () => string; base: string };

export function start(env: Record<string, string>): Promise<Proc> {
  const child = spawn(process.execPath, ["--import", "tsx", SERVER], {
    env: { ...process.env, NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 45_000);
    const check = () => {
      const m = /http:\/\/localhost:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, output: () => out, base: `http://127.0.0.1:${m[1]}` });
      }
    };
    child.stdout.on("data", check);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on("exit", (code) => resolve(code)));
}

export const call = async (p: Proc, path: string, init: { method?: string; body?: unknown; token?: string } = {}) => {
  const res = await fetch(`${p.base}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: { "content-type": "application/json", ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
};
/** The newest code in the replica's console (its output may arrive a moment after the answer). */
const codeFrom = async (p: Proc, phone: string, seen = 0) => {
  for (let i = 0; i < 200; i++) {
    const all = [...p.output().matchAll(new RegExp(`to \\${phone}: venue-booking code: (\\d{6})`, "g"))];
    if (all.length > seen) return all.at(-1)![1];
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no code for ${phone} in the console`);
};
const codesSent = (p: Proc, phone: string) => [...p.output().matchAll(new RegExp(`to \\${phone}: venue-booking code`, "g"))].length;
/** Sends the code through one replica and verifies it through the other. */
export const signIn = async (via: Proc, other: Proc, phone: string) => {
  const before = codesSent(via, phone);
  expect((await call(via, "/api/auth/send-otp/", { body: { phone } })).status).toBe(200);
  const v = await call(other, "/api/auth/verify-otp/", { body: { phone, code: await codeFrom(via, phone, before) } });
  expect(v.status).toBe(200);
  return v.body as { access: string; refresh: string };
};
