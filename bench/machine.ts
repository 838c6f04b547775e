/** The machine a bench ran on, for the report (results mean little without it). */
import { readFileSync } from 'node:fs';
import { cpus, totalmem, loadavg } from 'node:os';

export interface MachineInfo {
  date: string;
  node: string;
  platform: string;
  nproc: number;
  cpuModel: string;
  memoryGiB: number;
  loadAverage: number[];
}

export function machineInfo(): MachineInfo {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpuModel = m[1].trim();
  } catch {
    // not Linux: keep os.cpus()'s model
  }
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    nproc: cpus().length,
    cpuModel,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export function describeMachine(m: MachineInfo): string {
  return `${m.date} | node ${m.node} | ${m.platform} | nproc ${m.nproc} | ${m.cpuModel} | ${m.memoryGiB} GiB | load ${m.loadAverage.join(' ')}`;
}
