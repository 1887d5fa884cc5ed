import { readdir, readFile } from 'node:fs/promises';

const TICK_MS = 10; // USER_HZ is 100 on Linux

async function stat(pid: number): Promise<{ ppid: number; ms: number; reaped: number } | null> {
  try {
    const text = await readFile(`/proc/${pid}/stat`, 'utf8');
    // After the parenthesised command: state ppid ... utime (14th field) stime (15th).
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // cutime/cstime (16th, 17th): children it has waited for (PostgreSQL's ended backends).
    return { ppid: Number(f[1]), ms: (Number(f[11]) + Number(f[12])) * TICK_MS, reaped: (Number(f[13]) + Number(f[14])) * TICK_MS };
  } catch {
    return null;
  }
}

/** CPU time (user + system, ms) each named group of processes has used so far; a group may name a parent whose children count too (PostgreSQL's backends). */
export async function cpuOf(groups: Record<string, { pids: number[]; withChildren?: boolean }>): Promise<Record<string, number>> {
  const all = (await readdir('/proc')).filter((d) => /^\d+$/.test(d)).map(Number);
  const stats = new Map<number, { ppid: number; ms: number; reaped: number }>();
  await Promise.all(
    all.map(async (pid) => {
      const s = await stat(pid);
      if (s) stats.set(pid, s);
    }),
  );
  const out: Record<string, number> = {};
  for (const [name, group] of Object.entries(groups)) {
    let ms = 0;
    for (const [pid, s] of stats) {
      if (group.pids.includes(pid)) ms += s.ms + (group.withChildren ? s.reaped : 0);
      else if (group.withChildren && group.pids.includes(s.ppid)) ms += s.ms;
    }
    out[name] = ms;
  }
  return out;
}
