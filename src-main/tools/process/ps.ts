// ps (procps-ng 4.0.2): reports a snapshot of the processes /proc lists, in /proc order, with the
// selection table of src/ps/select.c and the column layout of src/ps/output.c.
import { defineTool, type ToolRun } from '../tool';
import { readWhole } from '../common';
import { parsePsArgs, type PsOptions } from './ps-args';
import { FORMATS, SPECS, type Ctx } from './ps-columns';
import { activeCols, renderLine, UNLIMITED_COLS, type Column } from './ps-layout';
import { readSysInfo, readTask, readTasks, readUsers, type Task, type Users } from './procps';

const HELP = `
Usage:
 ps [options]

 Try 'ps --help <simple|list|output|threads|misc|all>'
  or 'ps --help <s|l|o|t|m|a>'
 for additional help text.

For more details see ps(1).
`;

/** format_parse(): `name[:width][=header]` items; the last item's header takes the rest. */
export function parseFormat(spec: string, pidWidth: number): Column[] | string {
  const isSep = (c: string | undefined) => c === ' ' || c === ',' || c === '\t' || c === '\n';
  let items = 0;
  let need = true;
  for (let i = 0; i < Math.max(1, spec.length); i++) {
    if (spec[i] === undefined || isSep(spec[i])) {
      if (need) return 'improper format list';
      need = true;
    } else {
      if (need) items++;
      need = false;
    }
  }
  let rest = need ? spec.slice(0, -1) : spec;
  const cols: Column[] = [];
  for (let k = 0; k < items; k++) {
    let item = rest;
    if (k < items - 1) {
      const at = [...rest].findIndex((c) => isSep(c));
      item = rest.slice(0, at);
      rest = rest.slice(at + 1);
    }
    const eq = item.indexOf('=');
    const head = eq < 0 ? item : item.slice(0, eq);
    const colon = head.indexOf(':');
    const name = colon < 0 ? head : head.slice(0, colon);
    const known = SPECS[name];
    if (!known) return `unknown user-defined format specifier "${name}"`;
    const base = known.pidmax ? Math.max(pidWidth, known.header.length) : known.width;
    const header = eq < 0 ? known.header : item.slice(eq + 1);
    let width = eq < 0 ? base : Math.max(base, header.length);
    if (colon >= 0) {
      const w = head.slice(colon + 1);
      if (!/^[1-9]\d*$/.test(w)) return 'column widths must be unsigned decimal numbers';
      width = Number(w);
    }
    cols.push({ spec: known, header, width });
  }
  return cols;
}

/** select.c's table: bit (euid | leader<<1 | no tty<<2 | our tty<<3) of the simple selection. */
function selectBits(o: PsOptions): number | 'all' {
  if (o.unixA || o.unixD) return o.unixA && o.unixD ? 0x3f3f : o.unixA ? 0x0303 : 0x3333;
  if (o.bsdA && o.bsdX) return 'all';
  if (o.bsdA) return 0x0f0f;
  if (o.bsdX) return 0xaaaa;
  return 0x0a0a;
}

function selector(o: PsOptions, me: Task, users: Users): (t: Task) => boolean {
  const simple = o.unixA || o.unixD || o.bsdA || o.bsdX;
  const uids = o.users.map((u) => (/^\d+$/.test(u) ? Number(u) : (users.uid(u) ?? -1)));
  const listed = (t: Task) =>
    o.pids.includes(t.pid) || o.ppids.includes(t.ppid) || uids.includes(t.euid) || o.sessions.includes(t.session) || o.commands.includes(t.comm);
  const hasLists = o.pids.length + o.ppids.length + uids.length + o.sessions.length + o.commands.length > 0;
  // want_this_proc(): the table serves simple selections, or stands in when no list was given;
  // BSD syntax makes `g` (any terminal) part of it, as ps u shows all of one's terminal processes.
  const bits = simple || o.bsd ? selectBits(o) : 0xaa00;
  const table = (t: Task) => {
    if (!simple && hasLists) return false;
    if (bits === 'all') return true;
    const idx = (t.euid === me.euid ? 1 : 0) | (t.session === t.pid ? 2 : 0) | (t.ttyNr === 0 ? 4 : 0) | (t.ttyNr !== 0 && t.ttyNr === me.ttyNr ? 8 : 0);
    return (bits & (1 << idx)) !== 0;
  };
  return (t) => {
    let ok = o.all || table(t) || listed(t);
    if (o.running && t.state !== 'R' && t.state !== 'D') ok = false;
    return o.negate ? !ok : ok;
  };
}

function defaultFormat(o: PsOptions): string {
  if (o.bsd && o.bsdUser) return FORMATS.user;
  if (o.full && o.long) return FORMATS.fullLong;
  if (o.full) return FORMATS.full;
  if (o.long) return FORMATS.long;
  if (o.jobs) return FORMATS.jobs;
  return o.bsd ? FORMATS.bsd : FORMATS.sysv;
}

async function fail(t: ToolRun, message: string): Promise<number> {
  await t.err(`error: ${message}\n${HELP}`);
  return 1;
}

export const ps = defineTool({
  name: 'ps',
  summary: 'report a snapshot of the current processes.',
  help: HELP,
  async run(t) {
    const users = await readUsers(t);
    const parsed = parsePsArgs(t.args, (name) => users.uid(name) !== undefined);
    if ('error' in parsed) return fail(t, parsed.error);
    const o = parsed.opts;
    if (o.help) {
      await t.out(HELP);
      return 0;
    }
    const pidMax = await readWhole(t, '/proc/sys/kernel/pid_max');
    const pidWidth = pidMax.ok ? pidMax.value.trim().length : 5;
    const cols: Column[] = [];
    for (const f of o.formats.length ? o.formats : [defaultFormat(o)]) {
      const c = parseFormat(f, pidWidth);
      if (typeof c === 'string') return fail(t, c);
      cols.push(...c);
    }
    const me = await readTask(t, t.pid);
    if (!me) return 1;
    const want = selector(o, me, users);
    const ctx: Ctx = {
      sys: await readSysInfo(t),
      users,
      wchan: () => '-',
    };
    const tasks = (await readTasks(t)).filter(want);
    const wchans = new Map<number, string>();
    if (cols.some((c) => c.spec.just === 'wchan')) {
      for (const task of tasks) {
        const w = await readWhole(t, `/proc/${task.pid}/wchan`);
        // lookup_wchan(): "0" is a task not waiting; leading underscores go.
        wchans.set(task.pid, !w.ok ? '?' : w.value === '0' ? '-' : w.value.replace(/^_+/, ''));
      }
      ctx.wchan = (task) => wchans.get(task.pid) ?? '-';
    }
    const env = Number(t.vars.COLUMNS);
    let screen = o.cols ?? (Number.isInteger(env) && env > 0 ? env : UNLIMITED_COLS);
    if (o.wide === 1 && screen < 132) screen = 132;
    if (o.wide > 1) screen = UNLIMITED_COLS;
    const active = activeCols(cols, screen);
    const lines: string[] = [];
    if (!o.noHeaders && cols.some((c) => c.header !== '')) lines.push(renderLine(cols, null, ctx, active));
    for (const task of tasks) lines.push(renderLine(cols, task, ctx, active));
    if (lines.length) await t.out(lines.join('\n') + '\n');
    return tasks.length ? 0 : 1;
  },
});
