/**
 * Peak memory of a process and of everything it starts (tesseract, image preparation), read
 * from `/proc/<pid>/status` (VmHWM: the largest resident set the process ever had) every
 * 100 ms. The service's own peak is exact (VmHWM only grows); a short-lived child's is its peak
 * up to the last look before it ended. Linux only, like the service's deployment.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface PeakRss {
  /** Largest VmHWM of the watched process, in kB. */
  processKb: number;
  /** Largest VmHWM seen for any descendant, in kB, with its command name. */
  childKb: number;
  childName: string;
  /** Descendants seen. */
  children: number;
}

function vmHwmKb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /^VmHWM:\s+(\d+) kB/mu.exec(status);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

function commOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '?';
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8')
        .split(/\s+/u)
        .filter(Boolean)
        .map(Number),
    );
  } catch {
    return [];
  }
}

function descendantsOf(pid: number): number[] {
  const out: number[] = [];
  const stack = childrenOf(pid);
  while (stack.length > 0) {
    const child = stack.pop()!;
    out.push(child);
    stack.push(...childrenOf(child));
  }
  return out;
}

/** Starts watching `pid`; `stop()` takes a last look and returns the peaks. */
export function watchPeakRss(pid: number, intervalMs = 100): { stop(): PeakRss; peek(): PeakRss } {
  const peak: PeakRss = { processKb: 0, childKb: 0, childName: '', children: 0 };
  const seen = new Set<number>();
  const look = (): void => {
    peak.processKb = Math.max(peak.processKb, vmHwmKb(pid) ?? 0);
    for (const child of descendantsOf(pid)) {
      seen.add(child);
      const kb = vmHwmKb(child) ?? 0;
      if (kb > peak.childKb) {
        peak.childKb = kb;
        peak.childName = commOf(child);
      }
    }
    peak.children = seen.size;
  };
  const timer = setInterval(look, intervalMs);
  look();
  return {
    peek: () => ({ ...peak }),
    stop: () => {
      look();
      clearInterval(timer);
      return { ...peak };
    },
  };
}
