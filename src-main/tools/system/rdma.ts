// rdma(8) from iproute2 6.1 against a 5.3 kernel's nldev: `dev`, `link`, `resource` (summary,
// mr, pd) and `system`. The kernel's restrack is read through t.host.kernel, where the real
// tool talks RDMA netlink; comm comes from /proc/<pid>/comm as get_task_name() reads it.
import { defineTool, type ToolRun } from '../tool';
import { readWhole } from '../common';
import { HCA, NODE_GUID, PORT, deviceName, guidStr } from './hca';
import { selfCreds } from './ids';
import { buildFilters, isFiltered, type Filters } from './rdma-filter';

const HELP = (n: string) => `Usage: ${n} [ OPTIONS ] OBJECT { COMMAND | help }
       ${n} [ -f[orce] ] -b[atch] filename
where  OBJECT := { dev | link | resource | system | statistic | help }
       OPTIONS := { -V[ersion] | -d[etails] | -j[son] | -p[retty] -r[aw]}
`;

const RES_HELP = (n: string) => `Usage: ${n} resource
          resource show [DEV]
          resource show [qp|cm_id|pd|mr|cq|ctx|srq]
          resource show pd dev [DEV]
          resource show pd dev [DEV] [FILTER-NAME FILTER-VALUE]
          resource show mr dev [DEV]
          resource show mr dev [DEV] [FILTER-NAME FILTER-VALUE]
          resource show ctx dev [DEV]
          resource show ctx dev [DEV] [FILTER-NAME FILTER-VALUE]
`;

/** strcmpx(): an argument matches any command it is a prefix of. */
const matches = (arg: string, cmd: string) => arg.length <= cmd.length && cmd.startsWith(arg);

interface Ctx {
  t: ToolRun;
  args: string[];
  netAdmin: boolean;
}

/** get_task_name(): /proc/<pid>/comm, or nothing when the pid is gone. */
async function comm(t: ToolRun, pid: number): Promise<string | null> {
  const r = await readWhole(t, `/proc/${pid}/comm`);
  return r.ok ? (r.value.split(/\s/)[0] ?? null) : null;
}

/**
 * rdma_is_visible_in_pid_ns() in 5.3: a user object shows only while task_pid_vnr() of the task
 * that created it is non-zero, i.e. until that task has been reaped — even if the object lives on
 * in a forked child or a process that received the context by SCM_RIGHTS.
 */
function visiblePid(t: ToolRun, pid: number): boolean {
  return t.host.kernel.proc(pid) !== undefined;
}

async function showMr(c: Ctx, f: Filters): Promise<number> {
  const k = c.t.host.kernel;
  const dev = deviceName(c.t.host);
  let out = '';
  for (const mr of [...k.mrs.values()].sort((a, b) => a.id - b.id)) {
    if (!visiblePid(c.t, mr.pid)) continue;
    // res_mr_line() checks these four; rkey and lkey filters are accepted but never applied.
    if (isFiltered(f, { mrlen: mr.length, pid: mr.pid, mrn: mr.id, pdn: mr.pd.pdn })) continue;
    const name = await comm(c.t, mr.pid);
    let line = `dev ${dev} mrn ${mr.id} `;
    // rkey, lkey and iova go to CAP_NET_ADMIN only (res-mr.c field order, reference §5.4).
    if (c.netAdmin) line += `rkey 0x${mr.rkey.toString(16)} lkey 0x${mr.lkey.toString(16)} iova 0x${mr.addr.toString(16)} `;
    line += `mrlen ${mr.length} pdn ${mr.pd.pdn} pid ${mr.pid} `;
    if (name !== null) line += `comm ${name.slice(0, 17)} `;
    out += `${line}\n`;
  }
  await c.t.out(out);
  return 0;
}

/** The task restrack recorded for a context (and its PDs): the process that opened uverbs0. */
function ownerPid(c: Ctx, ctxId: number): number {
  for (const e of c.t.host.events()) if (e.kind === 'rdma.context' && e.ctx === ctxId) return e.pid;
  const ctx = c.t.host.kernel.contexts.get(ctxId);
  return (ctx ? [...ctx.mrs.values()][0]?.pid : undefined) ?? 0;
}

async function showPd(c: Ctx, f: Filters): Promise<number> {
  const k = c.t.host.kernel;
  const dev = deviceName(c.t.host);
  let out = '';
  const pds = [...k.contexts.values()].flatMap((ctx) => [...ctx.pds.values()].map((pd) => ({ ctx, pd })));
  for (const { ctx, pd } of pds.sort((a, b) => a.pd.pdn - b.pd.pdn)) {
    const pid = ownerPid(c, ctx.id);
    if (!visiblePid(c.t, pid)) continue;
    const users = [...ctx.mrs.values()].filter((m) => m.pd === pd).length;
    if (isFiltered(f, { users, pid, ctxn: ctx.id, pdn: pd.pdn })) continue;
    const name = await comm(c.t, pid);
    let line = `dev ${dev} pdn ${pd.pdn} `;
    if (c.netAdmin) line += 'local_dma_lkey 0x0 ';
    line += `users ${users} ctxn ${ctx.id} pid ${pid} `;
    if (name !== null) line += `comm ${name} `;
    out += `${line}\n`;
  }
  await c.t.out(out);
  return 0;
}

async function summary(c: Ctx): Promise<number> {
  const k = c.t.host.kernel;
  const pds = [...k.contexts.values()].reduce((n, ctx) => n + ctx.pds.size, 0);
  // rdma_restrack_count() in the init pid namespace counts every object, reaped owner or not.
  await c.t.out(`${HCA.index}: ${deviceName(c.t.host)}: pd ${pds} cq 0 qp 0 cm_id 0 mr ${k.mrs.size} ctx ${k.contexts.size} \n`);
  return 0;
}

const FILTERS: Record<string, string[]> = {
  mr: ['dev', 'rkey', 'lkey', 'mrlen', 'pid', 'mrn', 'pdn'],
  pd: ['dev', 'users', 'pid', 'ctxn', 'pdn'],
  ctx: ['dev', 'pid', 'ctxn'],
  cq: ['dev', 'users', 'poll-ctx', 'pid', 'cqn', 'ctxn'],
  qp: ['link', 'lqpn', 'rqpn', 'pid', 'sq-psn', 'rq-psn', 'type', 'path-mig-state', 'state', 'pdn'],
  cm_id: ['link', 'lqpn', 'qp-type', 'state', 'ps', 'dev-type', 'transport-type', 'pid', 'src-addr', 'src-port', 'dst-addr', 'dst-port', 'cm-idn', 'pdn'],
  srq: ['dev', 'pid', 'srqn', 'type', 'pdn', 'cqn', 'lqpn'],
};

async function resource(c: Ctx): Promise<number> {
  const n = c.t.argv[0]!;
  const a = c.args;
  if (a.length && matches(a[0]!, 'help')) return c.t.out(RES_HELP(n)).then(() => 0);
  if (a.length && (matches(a[0]!, 'show') || matches(a[0]!, 'list'))) a.shift();
  else if (a.length) return unknown(c, 'resource command', a[0]!);
  if (!a.length || (a.length === 1 && a[0] === deviceName(c.t.host))) return summary(c);
  const kind = Object.keys(FILTERS).find((k) => matches(a[0]!, k));
  if (!kind) return unknown(c, 'parameter', a[0]!);
  a.shift();
  const f = await buildFilters(c.t, a, FILTERS[kind]!);
  if (!f) return 1;
  if (f.dev !== undefined && f.dev !== deviceName(c.t.host)) {
    await c.t.err(`Wrong device name - ${f.dev}\n`);
    return 1;
  }
  if (kind === 'mr') return showMr(c, f);
  if (kind === 'pd') return showPd(c, f);
  if (kind === 'ctx' || kind === 'srq') {
    // A 5.3 kernel's nldev has no RES_CTX_GET or RES_SRQ_GET: the request fails with EINVAL.
    await c.t.err('error: Invalid argument\n');
    return 1;
  }
  return 0; // no CQs, QPs or CM IDs: the programs here only register memory
}

async function unknown(c: Ctx, what: string, arg: string): Promise<number> {
  // rd_exec_cmd() reports and returns 0: the tool exits successfully.
  await c.t.err(`Unknown ${what} '${arg}'.\n`);
  return 0;
}

/** rd_exec_cmd() for `dev` and `link`: show (the default) or list, help, anything else unknown. */
async function subcommand(c: Ctx, help: string): Promise<'show' | number> {
  const a = c.args;
  if (!a.length) return 'show';
  if (matches(a[0]!, 'show') || matches(a[0]!, 'list')) {
    a.shift();
    return 'show';
  }
  if (matches(a[0]!, 'help')) return c.t.out(help).then(() => 0);
  return unknown(c, 'command', a[0]!);
}

async function dev(c: Ctx): Promise<number> {
  const n = c.t.argv[0]!;
  const sub = await subcommand(c, `Usage: ${n} dev show [DEV]\n`);
  if (sub !== 'show') return sub;
  const want = c.args[0];
  if (want !== undefined && want !== deviceName(c.t.host)) {
    await c.t.err(`Wrong device name - ${want}\n`);
    return 1;
  }
  const g = guidStr(NODE_GUID);
  await c.t.out(`${HCA.index}: ${deviceName(c.t.host)}: node_type ca fw ${HCA.fw} node_guid ${g} sys_image_guid ${g} \n`);
  return 0;
}

async function link(c: Ctx): Promise<number> {
  const n = c.t.argv[0]!;
  const sub = await subcommand(c, `Usage: ${n} link show [DEV/PORT_INDEX]\n`);
  if (sub !== 'show') return sub;
  const name = deviceName(c.t.host);
  const want = c.args[0];
  const m = want === undefined ? null : /^([^/]+)(?:\/(\d+|-)?)?$/.exec(want);
  if (want !== undefined && (!m || m[1] !== name || (m[2] !== undefined && m[2] !== '-' && Number(m[2]) !== 1))) {
    await c.t.err('Wrong device name\n');
    return 1;
  }
  const states = ['NOP', 'DOWN', 'INIT', 'ARMED', 'ACTIVE', 'ACTIVE_DEFER'];
  await c.t.out(
    `link ${name}/1 subnet_prefix fe80:0000:0000:0000 lid ${PORT.lid} sm_lid ${PORT.smLid} lmc ${PORT.lmc} state ${states[PORT.state]} physical_state LINK_UP \n`,
  );
  return 0;
}

export const rdma = defineTool({
  name: 'rdma',
  summary: 'RDMA tool',
  help: HELP('rdma'),
  async run(t) {
    const args = [...t.args];
    const n = t.argv[0]!;
    while (args[0]?.startsWith('-') && args[0] !== '-') {
      const o = args.shift()!;
      if (o === '-d' || o === '-dd' || o === '--details') continue;
      if (o === '-V' || o === '--version') return t.out(`${n} utility, iproute2-6.1.0\n`).then(() => 0);
      if (o === '-h' || o === '--help') return t.out(HELP(n)).then(() => 0);
      if (!o.startsWith('--')) await t.err(`${n}: invalid option -- '${o[1]}'\n`);
      await t.err('Unknown option.\n');
      await t.out(HELP(n));
      return 1;
    }
    const c: Ctx = { t, args, netAdmin: (await selfCreds(t)).euid === 0 };
    const obj = args.shift();
    if (obj === undefined || matches(obj, 'help')) return t.out(HELP(n)).then(() => 0);
    if (matches(obj, 'dev')) return dev(c);
    if (matches(obj, 'link')) return link(c);
    if (matches(obj, 'resource')) return resource(c);
    // A 5.3 kernel has no copy-on-fork attribute, which iproute2 6.1 prints as off.
    if (matches(obj, 'system')) return t.out('netns shared copy-on-fork off\n').then(() => 0);
    return unknown(c, 'object', obj);
  },
});
