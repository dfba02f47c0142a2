// lsof, fuser and lslocks: who holds what, read from /proc as the real tools read it — lock
// characters from /proc/locks, access modes from the fd links, mapped and deleted files, what an
// unprivileged user sees, the zombie lease lslocks can only name by its mount point.
import { describe, expect, it } from 'vitest';
import { abi } from '../../../../src-main/host/index';
import { rig } from './run';
import { humanSize } from '../../../../src-main/tools/process/lslocks';

const lines = (s: string) => s.split('\n').filter(Boolean);

describe('lsof', () => {
  it('shows lease locks as R/W after the access mode, and none for a layout lease', async () => {
    const r = rig();
    const w = r.start('lease-hold', '--type=write', '/var/log/app.log');
    const rd = r.start('lease-hold', '/etc/hostname');
    const rdma = r.start('rdma-app', '--pages=4', '/mnt/pmem/foo');
    const out = (await r.run('lsof', '-a', '-d', '3', '-p', `${w},${rd},${rdma}`)).out;
    expect(lines(out)).toEqual([
      'COMMAND   PID USER FD   TYPE DEVICE   SIZE/OFF NODE NAME',
      `lease-hol   ${w} root 3uW  REG  254,1         13   34 /var/log/app.log`,
      `lease-hol   ${rd} root 3rR  REG  254,1          7   31 /etc/hostname`,
      `rdma-app    ${rdma} root 3u   REG  259,0 1073741824  131 /mnt/pmem/foo`,
    ]);
    const ctx = (await r.run('lsof', '/dev/infiniband/uverbs0')).out;
    expect(lines(ctx)[1]).toBe(`rdma-app   ${rdma} root 4u   CHR 231,192      0t0    6 /dev/infiniband/uverbs0`);
  });

  it('lists a mapped file as mem, and as DEL once it is unlinked', async () => {
    const r = rig();
    r.host.vfs.writeFile(r.shell, '/mnt/pmem/gone', 'x'.repeat(8192));
    const pid = r.start('rdma-app', '--pages=1', '/mnt/pmem/gone');
    expect((await r.run('lsof', '-a', '-d', 'mem', '-p', String(pid))).out).toContain(`rdma-app   ${pid} root mem    REG  259,0     8192  133 /mnt/pmem/gone\n`);
    r.host.sys(r.shell).unlink('/mnt/pmem/gone');
    const out = lines((await r.run('lsof', '-p', String(pid))).out);
    expect(out).toContain(`rdma-app   ${pid} root DEL    REG   259,0           133 /mnt/pmem/gone`);
    expect(out).toContain(`rdma-app   ${pid} root   3u   REG   259,0     8192  133 /mnt/pmem/gone (deleted)`);
  });

  it("shows an unprivileged user the errors for other users' processes", async () => {
    const r = rig();
    const op = r.host.spawnShell({ uid: 1000 });
    const out = lines((await r.runAs(op.pid, {}, 'lsof', '-p', '1')).out);
    expect(out).toEqual([
      'COMMAND PID USER   FD      TYPE DEVICE SIZE/OFF NODE NAME',
      'init      1 root  cwd   unknown                      /proc/1/cwd (readlink: Permission denied)',
      'init      1 root  rtd   unknown                      /proc/1/root (readlink: Permission denied)',
      'init      1 root NOFD                                /proc/1/fd (opendir: Permission denied)',
    ]);
  });

  it('prints pids only with -t, and fails for a name it cannot stat', async () => {
    const r = rig();
    const pid = r.start('sleep', '100');
    expect(await r.run('lsof', '-t', '-c', 'sle')).toEqual({ out: `${pid}\n`, err: '', status: 0 });
    expect(await r.run('lsof', '/nonexistent')).toEqual({ out: '', err: 'lsof: status error on /nonexistent: No such file or directory\n', status: 1 });
    expect((await r.run('lsof', '/mnt/pmem/bar')).status).toBe(1);
  });
});

describe('fuser', () => {
  it('writes the pids to stdout and the rest to stderr', async () => {
    const r = rig();
    const pid = r.start('rdma-app', '--pages=4', '/mnt/pmem/foo');
    // The name padded to 22 columns on stderr (as captured in reference §5.2), then ` %5d` on
    // stdout, then the access letters.
    expect(await r.run('fuser', '/mnt/pmem/foo')).toEqual({ out: `     ${pid}`, err: '/mnt/pmem/foo:        m\n', status: 0 });
    const v = await r.run('fuser', '-v', '/mnt/pmem/foo');
    expect(v.out).toBe(`     ${pid}`);
    expect(v.err).toBe('                     USER        PID ACCESS COMMAND\n/mnt/pmem/foo:         root      F...m rdma-app\n');
  });

  it('with -m lists every user of the file system and the kernel mount; -k kills them', async () => {
    const r = rig();
    const pid = r.start('rdma-app', '--pages=4', '/mnt/pmem/foo');
    const m = await r.run('fuser', '-vm', '/mnt/pmem');
    expect(m.out).toBe(`kernel     ${pid}`);
    expect(m.err).toBe('                     USER        PID ACCESS COMMAND\n/mnt/pmem:             root      mount /mnt/pmem\n                       root      F...m rdma-app\n');
    expect((await r.run('fuser', '-k', '-KILL', '/mnt/pmem/foo')).status).toBe(0);
    r.host.advance(1e6);
    expect(r.host.processes().find((p) => p.pid === pid)?.state).toBe('Z');
    expect(await r.run('fuser', '/mnt/pmem/bar')).toEqual({ out: '', err: '', status: 1 });
  });
});

describe('lslocks', () => {
  it('sizes files as util-linux does', () => {
    expect([13, 1024, 1536, 123456, 1048576, 1073741824, 1000000].map(humanSize)).toEqual(['13B', '1K', '1.5K', '120.6K', '1M', '1G', '976.6K']);
  });

  it('names a zombie lease by its mount point when no fd of the holder is on the file', async () => {
    const r = rig();
    const pid = r.start('rdma-app', '--pages=4', '--close-after-pin', '/mnt/pmem/foo');
    r.host.advance(1e9);
    const out = await r.run('lslocks');
    expect(out).toEqual({ out: `COMMAND         PID  TYPE SIZE MODE   M START END PATH\nrdma-app          ${pid} LEASE      LAYOUT 0     0   0 /mnt/pmem...\n`, err: '', status: 0 });
  });

  it('lists newest /proc/locks lines last, and fails on a BREAKER line as util-linux 2.38.1 does', async () => {
    const r = rig();
    const a = r.start('lease-hold', '--type=write', '--on-sigio=ignore', '/var/log/app.log');
    const b = r.start('lease-hold', '/etc/hostname');
    expect(lines((await r.run('lslocks', '-o', 'pid,mode')).out)).toEqual(['PID MODE', `  ${a} WRITE`, `  ${b} READ`]);
    const reader = r.host.spawnChild(r.shell, ['cat']);
    if (!reader.ok) throw new Error(reader.errno);
    r.host.sys(reader.value).open('/var/log/app.log', abi.O_RDONLY);
    expect(await r.run('lslocks')).toEqual({ out: '', err: "lslocks: failed to parse '<none>:0'\n", status: 1 });
  });
});
