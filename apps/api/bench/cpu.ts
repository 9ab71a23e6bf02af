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

/** Which party a process is, by its pid and command. */
type Party = keyof CpuShares;

/** A reading: CPU milliseconds used so far by each process of a party, by pid. */
export type CpuReading = Map<number, { party: Party; ms: number }>;

/** CPU milliseconds used so far by each process of each party; `apiPid` is the API process. Null where /proc cannot tell (not Linux). */
export function cpuNow(apiPid: number | undefined): CpuReading | null {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return null;
  }
  const reading: CpuReading = new Map();
  for (const entry of entries) {
    const pid = Number(entry);
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    const command = commandOf(stat);
    const party: Party | null =
      pid === apiPid
        ? "api"
        : pid === process.pid
          ? "bench"
          : command === "postgres"
            ? "postgres"
            : command.startsWith("redis-server")
              ? "redis"
              : null;
    if (party) reading.set(pid, { party, ms: (ticksOf(stat) * 1000) / TICKS_PER_SECOND });
  }
  return reading;
}

/**
 * CPU milliseconds per request (or transaction) spent by each party between two readings: each
 * process's own growth (one that started meanwhile counts whole; one that ended meanwhile, such as
 * a closed pool's backend, is left out rather than counted as a loss).
 */
export function cpuPerRequest(before: CpuReading | null, after: CpuReading | null, requests: number): CpuShares | undefined {
  if (!before || !after || requests <= 0) return undefined;
  const used: CpuShares = { api: 0, postgres: 0, redis: 0, bench: 0 };
  for (const [pid, now] of after) used[now.party] += now.ms - (before.get(pid)?.ms ?? 0);
  const per = (k: Party) => Math.round((used[k] / requests) * 100) / 100;
  return { api: per("api"), postgres: per("postgres"), redis: per("redis"), bench: per("bench") };
}
