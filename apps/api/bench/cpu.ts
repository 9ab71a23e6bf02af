// Where a case's CPU goes on this machine: the CPU time (user + system, from /proc) the API, every
// PostgreSQL process, Redis and the bench itself (autocannon, the probe's client) spent during it.
// Divided by the requests served, it shows what one request costs each of them; on a machine whose
// cores they all share, that is what bounds the rate.
import { readdirSync, readFileSync } from "node:fs";

export type CpuShares = { api: number; postgres: number; redis: number; bench: number };

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

function ticksOf(stat: string): number {
  // the fields after the command (which may hold spaces) start after its closing parenthesis
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // utime and stime, fields 14 and 15 of the whole line
  return Number(fields[11]) + Number(fields[12]);
}

function commandOf(stat: string): string {
  return stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
}

/** CPU milliseconds used so far, per party; `apiPid` is the API process. Null where /proc cannot tell (not Linux). */
export function cpuNow(apiPid: number | undefined): CpuShares | null {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return null;
  }
  const shares: CpuShares = { api: 0, postgres: 0, redis: 0, bench: 0 };
  for (const pid of entries) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    const ms = (ticksOf(stat) * 1000) / TICKS_PER_SECOND;
    const command = commandOf(stat);
    if (Number(pid) === apiPid) shares.api += ms;
    else if (Number(pid) === process.pid) shares.bench += ms;
    else if (command === "postgres") shares.postgres += ms;
    else if (command.startsWith("redis-server")) shares.redis += ms;
  }
  return shares;
}

/** CPU milliseconds per request (or transaction) spent by each party between two readings. */
export function cpuPerRequest(before: CpuShares | null, after: CpuShares | null, requests: number): CpuShares | undefined {
  if (!before || !after || requests <= 0) return undefined;
  const per = (k: keyof CpuShares) => Math.round(((after[k] - before[k]) / requests) * 100) / 100;
  return { api: per("api"), postgres: per("postgres"), redis: per("redis"), bench: per("bench") };
}
