// The kernel log ring buffer, syslog(2) and the /proc/sys table behind dmesg and sysctl.
import { describe, expect, it } from 'vitest';
import { createHost } from '../../../../src-main/host';
import { Kmsg, KERN_INFO, LOG_BUF_LEN, syslogLine } from '../../../../src-main/host/log/kmsg';
import { SYSLOG_ACTION_CLEAR, SYSLOG_ACTION_READ_ALL, SYSLOG_ACTION_READ_CLEAR, SYSLOG_ACTION_SIZE_BUFFER } from '../../../../src-main/host/log/syslog';
import { Clock } from '../../../../src-main/host/sim/clock';

function userShell(host: ReturnType<typeof createHost>, uid: number) {
  return host.sys(host.spawnShell({ uid }).pid);
}

describe('kernel log', () => {
  it('formats records as syslog(2) hands them out', () => {
    expect(syslogLine({ seq: 0, tsNs: 3_712_105_000, facility: 0, level: 4, text: 'XFS (pmem0): x' })).toBe('<4>[    3.712105] XFS (pmem0): x\n');
    expect(syslogLine({ seq: 0, tsNs: 12_345_678_901_234, facility: 3, level: 6, text: 'y' })).toBe('<30>[12345.678901] y\n');
  });

  it('boots with the banner first and the DAX mount notices of both pmem filesystems last', () => {
    const host = createHost();
    const texts = host.kernel.kmsg.all().map((r) => r.text);
    expect(texts[0]).toMatch(/^Linux version 5\.3\.0-rc3-pinsim \(pinsim@pinsim\) .* #1 SMP /);
    expect(texts.slice(-5)).toEqual([
      'XFS (pmem0): DAX enabled. Warning: EXPERIMENTAL, use at your own risk',
      'XFS (pmem0): Mounting V5 Filesystem',
      'XFS (pmem0): Ending clean mount',
      'EXT4-fs (pmem1): DAX enabled. Warning: EXPERIMENTAL, use at your own risk',
      'EXT4-fs (pmem1): mounted filesystem with ordered data mode. Opts: dax',
    ]);
    const stamps = host.kernel.kmsg.all().map((r) => r.tsNs);
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
  });

  it('keeps the simulator’s own events out of the log', () => {
    const host = createHost();
    const before = host.kernel.kmsg.all().length;
    const pid = host.spawn({ argv: ['rdma-app', '--file', '/mnt/pmem/foo'] });
    expect(pid.ok).toBe(true);
    host.advance(1e9);
    expect(host.events().length).toBeGreaterThan(10);
    expect(host.kernel.kmsg.all().length).toBe(before);
  });

  it('stamps later records with the clock but never before the last one', () => {
    const clock = new Clock(0);
    const log = new Kmsg(clock);
    log.printk(KERN_INFO, 'boot', { tsNs: 5e9 });
    log.printk(KERN_INFO, 'now');
    expect(log.all().map((r) => r.tsNs)).toEqual([5e9, 5e9]);
  });

  it('drops the oldest records when the ring is full', () => {
    const log = new Kmsg(new Clock(0));
    const line = 'x'.repeat(1000);
    for (let i = 0; i < 200; i++) log.printk(KERN_INFO, `${i} ${line}`);
    const kept = log.all();
    expect(kept.length).toBeLessThan(200);
    expect(kept.at(-1)!.text.startsWith('199 ')).toBe(true);
    expect(kept.reduce((n, r) => n + ((16 + r.text.length + 7) & ~7), 0)).toBeLessThanOrEqual(LOG_BUF_LEN);
    expect(log.sinceClear()[0]).toBe(kept[0]);
  });
});

describe('syslog(2)', () => {
  it('reads everything since the last clear, and READ_CLEAR empties it', () => {
    const host = createHost();
    const sys = host.sys(host.spawnShell().pid);
    const all = sys.syslog(SYSLOG_ACTION_READ_ALL, 1 << 20);
    expect(all.ok && all.value.data.split('\n')[0]).toMatch(/^<5>\[ {4}0\.000000\] Linux version/);
    const rc = sys.syslog(SYSLOG_ACTION_READ_CLEAR, 1 << 20);
    expect(rc.ok && rc.value.data).toBe(all.ok && all.value.data);
    const after = sys.syslog(SYSLOG_ACTION_READ_ALL, 1 << 20);
    expect(after.ok && after.value).toEqual({ n: 0, data: '' });
  });

  it('gives the newest records that fit in a short buffer', () => {
    const host = createHost();
    const sys = host.sys(host.spawnShell().pid);
    const r = sys.syslog(SYSLOG_ACTION_READ_ALL, 200);
    expect(r.ok && r.value.data).toBe(
      '<4>[    3.745913] EXT4-fs (pmem1): DAX enabled. Warning: EXPERIMENTAL, use at your own risk\n<6>[    3.748502] EXT4-fs (pmem1): mounted filesystem with ordered data mode. Opts: dax\n',
    );
  });

  it('refuses every action to a user without CAP_SYSLOG while dmesg_restrict is 1', () => {
    const host = createHost();
    const op = userShell(host, 1000);
    expect(op.syslog(SYSLOG_ACTION_READ_ALL, 4096)).toEqual({ ok: false, errno: 'EPERM' });
    expect(op.syslog(SYSLOG_ACTION_SIZE_BUFFER)).toEqual({ ok: false, errno: 'EPERM' });
  });

  it('lets anyone read but only root clear once dmesg_restrict is 0', () => {
    const host = createHost();
    host.kernel.sysctl.set('kernel.dmesg_restrict', '0');
    const op = userShell(host, 1000);
    expect(op.syslog(SYSLOG_ACTION_READ_ALL, 4096).ok).toBe(true);
    expect(op.syslog(SYSLOG_ACTION_SIZE_BUFFER)).toEqual({ ok: true, value: { n: LOG_BUF_LEN, data: '' } });
    expect(op.syslog(SYSLOG_ACTION_CLEAR)).toEqual({ ok: false, errno: 'EPERM' });
    expect(op.syslog(SYSLOG_ACTION_READ_CLEAR, 4096)).toEqual({ ok: false, errno: 'EPERM' });
  });
});

describe('/proc/sys', () => {
  it('lists its directories in name order and keeps the lease sysctls', () => {
    const host = createHost();
    const names = (path: string) => {
      const r = host.vfs.readdir(1, path);
      return r.ok ? r.value.map((e) => e.name) : [];
    };
    expect(names('/proc/sys')).toEqual(['fs', 'kernel', 'vm']);
    const fs = names('/proc/sys/fs');
    expect(fs).toContain('lease-break-time');
    expect(fs).toEqual([...fs].sort());
    expect(host.vfs.readFile(1, '/proc/sys/kernel/osrelease')).toEqual({ ok: true, value: '5.3.0-rc3-pinsim\n' });
  });

  it('takes root writes in range, refuses others, and records each setting', () => {
    const host = createHost();
    const root = host.sys(host.spawnShell().pid);
    const write = (sys: typeof root, path: string, v: string) => {
      const fd = sys.open(path, 1);
      if (!fd.ok) return fd;
      const w = sys.write(fd.value, v);
      sys.close(fd.value);
      return w;
    };
    expect(write(root, '/proc/sys/fs/lease-break-time', '7\n').ok).toBe(true);
    expect(host.kernel.sysctlNumber('fs.lease-break-time')).toBe(7);
    expect(host.events().some((e) => e.kind === 'sysctl.set' && e.name === 'fs.lease-break-time' && e.value === '7')).toBe(true);
    expect(write(root, '/proc/sys/kernel/dmesg_restrict', '2\n')).toMatchObject({ ok: false, errno: 'EINVAL' });
    expect(write(root, '/proc/sys/kernel/osrelease', 'x\n')).toMatchObject({ ok: false, errno: 'EACCES' });
    expect(write(userShell(host, 1000), '/proc/sys/fs/lease-break-time', '1\n')).toMatchObject({ ok: false, errno: 'EACCES' });
    expect(host.kernel.sysctlNumber('fs.lease-break-time')).toBe(7);
  });
});
