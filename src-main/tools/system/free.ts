// free(1) from procps-ng 4.0.2: /proc/meminfo in the units asked for, used = total - available.
import { defineTool, type ToolRun } from '../tool';
import { readWhole } from '../common';

const USAGE = `
Usage:
 free [options]

Options:
 -b, --bytes         show output in bytes
     --kilo          show output in kilobytes
     --mega          show output in megabytes
     --giga          show output in gigabytes
 -k, --kibi          show output in kibibytes
 -m, --mebi          show output in mebibytes
 -g, --gibi          show output in gibibytes
 -h, --human         show human-readable output
     --si            use powers of 1000 not 1024
 -l, --lohi          show detailed low and high memory statistics
 -t, --total         show total for RAM + swap
 -v, --committed     show committed memory and commit limit
 -w, --wide          wide output

     --help     display this help and exit
 -V, --version  output version information and exit

For more details see free(1).
`;

interface Fmt {
  exponent: number;
  si: boolean;
  human: boolean;
}

/** scale_size(): KiB from meminfo to the unit asked for, or the 4-5 column human form. */
export function scale(kib: number, f: Fmt): string {
  const base = f.si ? 1000 : 1024;
  const bytes = kib * 1024;
  if (!f.human) {
    if (f.exponent === 0) return String(Math.floor(bytes / base));
    if (f.exponent === 1) return String(bytes);
    return String(Math.trunc(bytes / base ** (f.exponent - 1)));
  }
  if (`${bytes}B`.length <= 4) return `${bytes}B`;
  const units = 'KMGTP';
  for (let i = 1; i <= units.length; i++) {
    const v = bytes / base ** i;
    const u = units[i - 1]!;
    const suffix = f.si ? u : `${u}i`;
    const width = f.si ? 4 : 5;
    const one = `${Math.fround(v).toFixed(1)}${suffix}`;
    if (one.length <= width) return one;
    const whole = `${Math.trunc(v)}${suffix}`;
    if (whole.length <= width) return whole;
  }
  return `${bytes}`;
}

async function meminfo(t: ToolRun): Promise<Map<string, number> | null> {
  const r = await readWhole(t, '/proc/meminfo');
  if (!r.ok) return null;
  const m = new Map<string, number>();
  for (const line of r.value.split('\n')) {
    const x = /^([^:]+):\s*(\d+)/.exec(line);
    if (x) m.set(x[1]!, Number(x[2]));
  }
  return m;
}

export const free = defineTool({
  name: 'free',
  summary: 'Display amount of free and used memory in the system',
  help: USAGE,
  async run(t) {
    const f: Fmt = { exponent: 0, si: false, human: false };
    const show = { lohi: false, total: false, committed: false, wide: false };
    let unitSet = false;
    const units: Record<string, [number, boolean]> = { b: [1, false], k: [2, false], m: [3, false], g: [4, false], '--bytes': [1, false], '--kibi': [2, false], '--mebi': [3, false], '--gibi': [4, false], '--kilo': [2, true], '--mega': [3, true], '--giga': [4, true] };
    const flags = [...t.args].flatMap((a) => (a.startsWith('--') ? [a] : a.startsWith('-') && a.length > 1 ? [...a.slice(1)] : [a]));
    for (const a of flags) {
      const unit = units[a];
      if (unit) {
        if (unitSet) return t.err("free: Multiple unit options don't make sense.\n").then(() => 1);
        unitSet = true;
        [f.exponent] = unit;
        f.si ||= unit[1];
      } else if (a === 'h' || a === '--human') f.human = true;
      else if (a === '--si') f.si = true;
      else if (a === 'l' || a === '--lohi') show.lohi = true;
      else if (a === 't' || a === '--total') show.total = true;
      else if (a === 'v' || a === '--committed') show.committed = true;
      else if (a === 'w' || a === '--wide') show.wide = true;
      else if (a === 'V' || a === '--version') return t.out('free from procps-ng 4.0.2\n').then(() => 0);
      else {
        if (a.length === 1) await t.err(`free: invalid option -- '${a}'\n`);
        else if (a.startsWith('--')) await t.err(`free: unrecognized option '${a}'\n`);
        await t.err(USAGE);
        return 1;
      }
    }
    const m = await meminfo(t);
    if (!m) return t.err('free: Memory information file /proc/meminfo does not exist\n').then(() => 1);
    const g = (k: string) => m.get(k) ?? 0;
    const total = g('MemTotal');
    let avail = g('MemAvailable') || g('MemFree');
    if (avail > total) avail = g('MemFree');
    const used = total - avail >= 0 ? total - avail : total - g('MemFree');
    const cached = g('Cached') + g('SReclaimable');
    const swapUsed = g('SwapTotal') - g('SwapFree');
    const row = (label: string, vals: number[]) => `${label.padEnd(9)}${vals.map((v, i) => (i ? ' ' : '') + scale(v, f).padStart(11)).join('')}\n`;
    let out = show.wide
      ? '               total        used        free      shared     buffers       cache   available\n'
      : '               total        used        free      shared  buff/cache   available\n';
    const bc = show.wide ? [g('Buffers'), cached] : [g('Buffers') + cached];
    out += row('Mem:', [total, used, g('MemFree'), g('Shmem'), ...bc, avail]);
    // x86_64 has no highmem: low is all of RAM.
    if (show.lohi) out += row('Low:', [total, total - g('MemFree'), g('MemFree')]) + row('High:', [0, 0, 0]);
    out += row('Swap:', [g('SwapTotal'), swapUsed, g('SwapFree')]);
    if (show.total) out += row('Total:', [total + g('SwapTotal'), used + swapUsed, g('MemFree') + g('SwapFree')]);
    if (show.committed) out += row('Comm:', [g('CommitLimit'), g('Committed_AS'), g('CommitLimit') - g('Committed_AS')]);
    await t.out(out);
    return 0;
  },
});
